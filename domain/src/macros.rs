/// A [`FieldError`](crate::FieldError) with its message in English and Chinese: the code,
/// the field path, then two format strings that share the same arguments (inline captures
/// like `{name}` or trailing arguments, as with `format!`).
///
/// ```
/// let limit = 120;
/// let error = jixiao_domain::field_error!(
///     "too_long", "name_zh",
///     "a name has at most {limit} characters",
///     "名称不能超过 {limit} 个字符",
/// );
/// assert_eq!(error.message, "a name has at most 120 characters");
/// assert_eq!(error.message_zh, "名称不能超过 120 个字符");
/// ```
#[macro_export]
macro_rules! field_error {
    ($code:expr, $field:expr, $en:literal, $zh:literal $(,)?) => {
        $crate::FieldError::bilingual($code, $field, ::std::format!($en), ::std::format!($zh))
    };
    ($code:expr, $field:expr, $en:literal, $zh:literal, $($arg:tt)+) => {
        $crate::FieldError::bilingual(
            $code,
            $field,
            ::std::format!($en, $($arg)+),
            ::std::format!($zh, $($arg)+),
        )
    };
}

/// A closed set of values that travels as a `snake_case` string (JSON, database, URL) and
/// has a Chinese and an English label. One definition gives serde, `FromStr`, `as_str`,
/// the list of all values and the labels, so no string table is ever written twice.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, $zh:literal, $en:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant, )+
        }

        impl $name {
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }

            pub const fn label_zh(self) -> &'static str {
                match self { $(Self::$variant => $zh),+ }
            }

            pub const fn label_en(self) -> &'static str {
                match self { $(Self::$variant => $en),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::FieldError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                match text {
                    $( $text => Ok(Self::$variant), )+
                    _ => Err($crate::FieldError::bilingual(
                        "unknown_value",
                        "",
                        format!(
                            "unknown {} {:?}; expected one of: {}",
                            stringify!($name),
                            text,
                            [$($text),+].join(", ")
                        ),
                        format!(
                            "无法识别的取值 {:?}，可选值为：{}",
                            text,
                            [$($text),+].join("、")
                        ),
                    )),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
