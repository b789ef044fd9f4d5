//! Accounts, sessions and what a user may do.

use crate::framework::Role;
use serde::{Deserialize, Serialize};

wire_enum! {
    /// What the signed-in user may do beyond reading published data — the server's policy
    /// decides, and the app shows only the navigation these allow.
    pub enum Capability {
        ManageAccounts = "manage_accounts", "账户管理", "Manage accounts";
        ReadAudit = "read_audit", "查看审计日志", "Read the audit log";
        VerifyAudit = "verify_audit", "校验审计日志", "Verify the audit log";
        ReadAllDepartments = "read_all_departments", "查看全部部门", "Read every department";
        WorkForDepartment = "work_for_department", "本部门工作", "Work for one department";
        ManageYears = "manage_years", "年度管理", "Open years, set rules and phases";
        ManageLibrary = "manage_library", "指标库管理", "Curate the indicator library";
        ReviewSets = "review_sets", "审核指标", "Return, approve and publish indicator sets";
        SetKeyWork = "set_key_work", "重点工作目标", "Set key work targets";
        EditSets = "edit_sets", "编制指标", "Draft the department's indicator set";
        SubmitSets = "submit_sets", "提交指标", "Submit the department's indicator set";
        SelfEvaluate = "self_evaluate", "部门自评", "Enter the department's self-evaluation";
        SignOffSelfEvaluation = "sign_off_self_evaluation", "签署自评", "Sign off the department's self-evaluation";
        Reevaluate = "reevaluate", "财政复评", "Re-evaluate, finalise grades and apply results";
        RemarkKeyWork = "remark_key_work", "重点工作评价", "Add key-work evaluation remarks";
        ReadResults = "read_results", "评价结果", "Read every department's results before publication";
        ManageCases = "manage_cases", "问责管理", "Manage accountability cases";
        PublishResults = "publish_results", "公开结果", "Publish a year's results";
        DepartmentWhatIf = "department_whatif", "部门情景模拟", "Explore a department's what-if scenarios";
        ProvinceWhatIf = "province_whatif", "全省情景模拟", "Explore the province what-if for next year's pool";
    }
}

/// `POST /api/auth/login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

/// A department as referred to from elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentRef {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
}

/// `GET /api/auth/me` and the answer to a login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// The department a department user acts for.
    pub department: Option<DepartmentRef>,
    /// After a reset by finance: every other endpoint answers 403 `password_change_required`
    /// until the user sets a new password.
    pub must_change_password: bool,
    pub capabilities: Vec<Capability>,
}

/// `POST /api/auth/password`: everyone changes their own password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePassword {
    pub current_password: String,
    pub new_password: String,
}

/// An account as finance manages it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub department: Option<DepartmentRef>,
    pub disabled: bool,
    pub must_change_password: bool,
    pub created_at: String,
    /// Edit counter for optimistic concurrency: send it back with a change.
    pub revision: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountList {
    pub accounts: Vec<Account>,
}

/// `POST /api/accounts` (finance). The initial password must be changed at first login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAccount {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// Required for department roles, absent for finance and assessment.
    #[serde(default)]
    pub department_id: Option<i64>,
    pub password: String,
}

/// `PATCH /api/accounts/{id}` (finance); absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountChanges {
    /// The revision the change is based on; a stale one is refused with 409.
    pub revision: i64,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub role: Option<Role>,
    /// `Some(None)` is written as `"department_id": null` and clears the department.
    #[serde(
        default,
        with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub department_id: Option<Option<i64>>,
    #[serde(default)]
    pub disabled: Option<bool>,
}

/// `POST /api/accounts/{id}/password` (finance): a temporary password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetPassword {
    pub password: String,
}

/// Tells a present `null` from an absent field.
mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(value: &Option<Option<i64>>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            None => s.serialize_none(),
            Some(inner) => inner.serialize(s),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<i64>>, D::Error> {
        Option::<i64>::deserialize(d).map(Some)
    }
}
