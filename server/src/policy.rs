//! The one place that decides who may do what (DESIGN §1 "Roles"). Handlers ask
//! [`require`]; the app's navigation comes from [`capabilities`]; the OpenAPI document names
//! each endpoint's roles from [`Permission::roles`]. Nothing else checks roles.

use crate::auth::User;
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::auth::Capability;
use jixiao_domain::framework::{Role, SetStatus};

/// Something a request wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Create, change, disable accounts and reset passwords.
    ManageAccounts,
    ReadAudit,
    VerifyAudit,
    /// Read a department's data that is not published (drafts, monitoring, evaluations).
    ReadDepartment {
        department_id: i64,
    },
    /// Read an indicator set: anyone once published, otherwise as `ReadDepartment`.
    ReadSet {
        department_id: i64,
        status: SetStatus,
    },
    /// Draft and change a department's indicator set.
    EditSet {
        department_id: i64,
    },
    /// Submit a department's set for review (the head signs for the department).
    SubmitSet {
        department_id: i64,
    },
    /// Return, approve and publish sets.
    ReviewSet,
    /// Set a department's key-work targets.
    SetKeyWork,
    /// Open fiscal years, set their rules, move their phases.
    ManageYears,
    /// Curate the indicator library.
    ManageLibrary,
    /// See every department's monitoring at once (the province dashboard).
    MonitorProvince,
    /// Enter a department's monthly spending and indicator values.
    EnterMonthlyData {
        department_id: i64,
    },
    /// Compile and adjust a department's budget lines.
    EditBudget {
        department_id: i64,
    },
    /// Suspend or resume a budget line's disbursement.
    SuspendDisbursement,
    /// Read a department's evaluation: anyone once published, otherwise as `ReadDepartment`.
    ReadEvaluation {
        department_id: i64,
        published: bool,
    },
    /// Enter the department's self-evaluation draft.
    SelfEvaluate {
        department_id: i64,
    },
    /// Sign the self-evaluation off for the department (the head).
    SignOffSelfEvaluation {
        department_id: i64,
    },
    /// Override figures, finalise the grade and apply the year's result rules.
    Reevaluate,
    /// The assessment agency's key-work remarks.
    RemarkKeyWork,
    /// A year's ranking and the assessment feed: finance and assessment at any time,
    /// everyone once published.
    ReadResults {
        published: bool,
    },
    /// The assessment agency's feed (CSV): who gets incentives, who is held to account.
    ReadAssessmentFeed,
    /// Read accountability cases of every department.
    ReadAllCases,
    /// Assign, progress and close accountability cases.
    ManageCases,
    /// Publish a year's evaluated results (and close the year).
    PublishResults,
    /// Explore a department's what-if and keep its scenarios.
    DepartmentWhatIf {
        department_id: i64,
    },
    /// Explore the province what-if (next year's pool) and keep its scenarios.
    ProvinceWhatIf,
}

const ALL_ROLES: &[Role] = Role::ALL;

impl Permission {
    /// The roles that may ever be granted this permission (department roles only for their
    /// own department). Documented per endpoint in the OpenAPI document.
    pub const fn roles(self) -> &'static [Role] {
        match self {
            Self::ManageAccounts
            | Self::VerifyAudit
            | Self::ReviewSet
            | Self::ManageYears
            | Self::ManageLibrary
            | Self::SuspendDisbursement
            | Self::Reevaluate
            | Self::ManageCases
            | Self::PublishResults
            | Self::ProvinceWhatIf => &[Role::Finance],
            Self::ReadAudit
            | Self::MonitorProvince
            | Self::ReadResults { .. }
            | Self::ReadAssessmentFeed
            | Self::ReadAllCases => &[Role::Finance, Role::Assessment],
            Self::SetKeyWork | Self::RemarkKeyWork => &[Role::Assessment],
            Self::EditSet { .. }
            | Self::EnterMonthlyData { .. }
            | Self::EditBudget { .. }
            | Self::SelfEvaluate { .. } => &[Role::DeptHead, Role::DeptStaff],
            Self::SubmitSet { .. } | Self::SignOffSelfEvaluation { .. } => &[Role::DeptHead],
            Self::DepartmentWhatIf { .. } => &[Role::Finance, Role::DeptHead],
            Self::ReadDepartment { .. } | Self::ReadSet { .. } | Self::ReadEvaluation { .. } => {
                ALL_ROLES
            }
        }
    }
}

/// Whether `viewer` (None: the public) may do `permission`.
pub fn allows(viewer: Option<&User>, permission: Permission) -> bool {
    // Published results are public.
    match permission {
        Permission::ReadSet {
            status: SetStatus::Published,
            ..
        }
        | Permission::ReadEvaluation {
            published: true, ..
        }
        | Permission::ReadResults { published: true } => return true,
        _ => {}
    }
    let Some(user) = viewer else {
        return false;
    };
    if !permission.roles().contains(&user.role) {
        return false;
    }
    // Exhaustive on purpose: a new permission must say whether it is scoped to a department.
    match permission {
        Permission::ReadDepartment { department_id }
        | Permission::ReadSet { department_id, .. }
        | Permission::EditSet { department_id }
        | Permission::SubmitSet { department_id }
        | Permission::EnterMonthlyData { department_id }
        | Permission::EditBudget { department_id }
        | Permission::ReadEvaluation { department_id, .. }
        | Permission::SelfEvaluate { department_id }
        | Permission::SignOffSelfEvaluation { department_id }
        | Permission::DepartmentWhatIf { department_id } => {
            !user.role.belongs_to_department() || user.department_id == Some(department_id)
        }
        Permission::ManageAccounts
        | Permission::ReadAudit
        | Permission::VerifyAudit
        | Permission::ReviewSet
        | Permission::SetKeyWork
        | Permission::ManageYears
        | Permission::ManageLibrary
        | Permission::MonitorProvince
        | Permission::SuspendDisbursement
        | Permission::Reevaluate
        | Permission::RemarkKeyWork
        | Permission::ReadResults { .. }
        | Permission::ReadAssessmentFeed
        | Permission::ReadAllCases
        | Permission::ManageCases
        | Permission::PublishResults
        | Permission::ProvinceWhatIf => true,
    }
}

/// `Ok` if allowed; otherwise 401 for the public (logging in may help) and 403 for a user.
pub fn require(viewer: Option<&User>, permission: Permission) -> AppResult<()> {
    if allows(viewer, permission) {
        Ok(())
    } else if viewer.is_none() {
        Err(AppError::Unauthenticated)
    } else {
        Err(AppError::forbidden(text!(
            "not allowed: your role or department does not give you access to this",
            "无权操作：您的角色或所在部门无权访问此内容"
        )))
    }
}

/// What the app may offer the user.
pub fn capabilities(user: &User) -> Vec<Capability> {
    let mut capabilities = Vec::new();
    let has = |p: Permission| allows(Some(user), p);
    if has(Permission::ManageAccounts) {
        capabilities.push(Capability::ManageAccounts);
    }
    if has(Permission::ReadAudit) {
        capabilities.push(Capability::ReadAudit);
    }
    if has(Permission::VerifyAudit) {
        capabilities.push(Capability::VerifyAudit);
    }
    if has(Permission::ManageYears) {
        capabilities.push(Capability::ManageYears);
    }
    if has(Permission::ManageLibrary) {
        capabilities.push(Capability::ManageLibrary);
    }
    if has(Permission::ReviewSet) {
        capabilities.push(Capability::ReviewSets);
    }
    if has(Permission::SetKeyWork) {
        capabilities.push(Capability::SetKeyWork);
    }
    if user
        .department_id
        .is_some_and(|d| has(Permission::EditSet { department_id: d }))
    {
        capabilities.push(Capability::EditSets);
    }
    if user
        .department_id
        .is_some_and(|d| has(Permission::SubmitSet { department_id: d }))
    {
        capabilities.push(Capability::SubmitSets);
    }
    if user
        .department_id
        .is_some_and(|d| has(Permission::SelfEvaluate { department_id: d }))
    {
        capabilities.push(Capability::SelfEvaluate);
    }
    if user
        .department_id
        .is_some_and(|d| has(Permission::SignOffSelfEvaluation { department_id: d }))
    {
        capabilities.push(Capability::SignOffSelfEvaluation);
    }
    for (permission, capability) in [
        (Permission::Reevaluate, Capability::Reevaluate),
        (Permission::RemarkKeyWork, Capability::RemarkKeyWork),
        (
            Permission::ReadResults { published: false },
            Capability::ReadResults,
        ),
        (Permission::ManageCases, Capability::ManageCases),
        (Permission::PublishResults, Capability::PublishResults),
        (Permission::ProvinceWhatIf, Capability::ProvinceWhatIf),
    ] {
        if has(permission) {
            capabilities.push(capability);
        }
    }
    if user
        .department_id
        .is_some_and(|d| has(Permission::DepartmentWhatIf { department_id: d }))
        || has(Permission::ProvinceWhatIf)
    {
        capabilities.push(Capability::DepartmentWhatIf);
    }
    if user.role.belongs_to_department() {
        capabilities.push(Capability::WorkForDepartment);
    } else {
        capabilities.push(Capability::ReadAllDepartments);
    }
    capabilities
}

/// Role names for the OpenAPI document's `x-roles`.
pub fn role_names(permission: Permission) -> Vec<&'static str> {
    permission.roles().iter().map(|r| r.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn user(role: Role, department_id: Option<i64>) -> User {
        User::for_tests(role, department_id)
    }

    #[test]
    fn departments_reach_only_their_own_unpublished_data() {
        let staff = user(Role::DeptStaff, Some(1));
        let own = Permission::ReadSet {
            department_id: 1,
            status: SetStatus::Draft,
        };
        let other = Permission::ReadSet {
            department_id: 2,
            status: SetStatus::Draft,
        };
        let published = Permission::ReadSet {
            department_id: 2,
            status: SetStatus::Published,
        };
        assert!(allows(Some(&staff), own));
        assert!(!allows(Some(&staff), other));
        assert!(allows(Some(&staff), published));
        assert!(allows(None, published));
        assert!(!allows(None, own));
        for role in [Role::Finance, Role::Assessment] {
            assert!(allows(Some(&user(role, None)), other));
        }
    }

    #[test]
    fn departments_edit_and_submit_only_their_own_sets() {
        let staff = user(Role::DeptStaff, Some(1));
        let head = user(Role::DeptHead, Some(1));
        assert!(allows(
            Some(&staff),
            Permission::EditSet { department_id: 1 }
        ));
        assert!(!allows(
            Some(&staff),
            Permission::EditSet { department_id: 2 }
        ));
        assert!(!allows(
            Some(&staff),
            Permission::SubmitSet { department_id: 1 }
        ));
        assert!(allows(
            Some(&head),
            Permission::SubmitSet { department_id: 1 }
        ));
        assert!(!allows(
            Some(&head),
            Permission::SubmitSet { department_id: 2 }
        ));
        assert!(!allows(
            Some(&user(Role::Finance, None)),
            Permission::EditSet { department_id: 1 }
        ));
    }

    #[test]
    fn province_rights_follow_the_division_of_labour() {
        let finance = user(Role::Finance, None);
        let assessment = user(Role::Assessment, None);
        let head = user(Role::DeptHead, Some(1));
        assert!(allows(Some(&finance), Permission::ManageAccounts));
        assert!(!allows(Some(&assessment), Permission::ManageAccounts));
        assert!(!allows(Some(&head), Permission::ManageAccounts));
        assert!(allows(Some(&assessment), Permission::ReadAudit));
        assert!(!allows(Some(&assessment), Permission::VerifyAudit));
        assert!(!allows(Some(&head), Permission::ReadAudit));
        assert_eq!(
            require(None, Permission::ReadAudit)
                .unwrap_err()
                .to_string(),
            "not logged in"
        );
        assert!(matches!(
            require(Some(&head), Permission::ReadAudit),
            Err(AppError::Forbidden { .. })
        ));
    }

    #[test]
    fn capabilities_match_the_permissions() {
        use Capability::*;
        assert_eq!(
            capabilities(&user(Role::Finance, None)),
            [
                ManageAccounts,
                ReadAudit,
                VerifyAudit,
                ManageYears,
                ManageLibrary,
                ReviewSets,
                Reevaluate,
                ReadResults,
                ManageCases,
                PublishResults,
                ProvinceWhatIf,
                DepartmentWhatIf,
                ReadAllDepartments
            ]
        );
        assert_eq!(
            capabilities(&user(Role::Assessment, None)),
            [
                ReadAudit,
                SetKeyWork,
                RemarkKeyWork,
                ReadResults,
                ReadAllDepartments
            ]
        );
        assert_eq!(
            capabilities(&user(Role::DeptStaff, Some(3))),
            [EditSets, SelfEvaluate, WorkForDepartment]
        );
        assert_eq!(
            capabilities(&user(Role::DeptHead, Some(3))),
            [
                EditSets,
                SubmitSets,
                SelfEvaluate,
                SignOffSelfEvaluation,
                DepartmentWhatIf,
                WorkForDepartment
            ]
        );
    }
}
