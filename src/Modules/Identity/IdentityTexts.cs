namespace EduCloud.Identity;

/// <summary>English for the Identity module's pages and the host shell (layout and role home page).</summary>
internal static class IdentityTexts
{
    public static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        ["教育云平台"] = "EduCloud", ["首页"] = "Home", ["组织机构"] = "Organisation", ["学校管理"] = "Schools", ["用户管理"] = "Users",
        ["审计日志"] = "Audit log", ["修改密码"] = "Change password", ["退出"] = "Sign out", ["登录"] = "Sign in", ["用户名"] = "User name",
        ["密码"] = "Password", ["登录已失效，请重新登录"] = "Your session is no longer valid; please sign in again", ["请先修改初始密码后再使用本平台"] = "Please change your initial password before using the platform", ["用户名或密码错误"] = "Wrong user name or password",
        ["密码错误次数过多，账号已锁定，请于 {0}（北京时间）后再试"] = "Too many wrong passwords: the account is locked until {0} (Beijing time).",
        ["这是您首次登录或密码已被重置，请先设置新密码。"] = "This is your first sign-in or your password was reset: please set a new password first.",
        ["密码至少8个字符，须同时包含字母和数字，且不能包含用户名。"] = "At least 8 characters, with letters and digits, not containing the user name.",
        ["当前密码"] = "Current password", ["新密码"] = "New password", ["确认新密码"] = "Confirm new password", ["保存新密码"] = "Save new password",
        ["两次输入的新密码不一致"] = "The two new passwords differ", ["当前密码不正确"] = "The current password is wrong",
        ["新密码不能与当前密码相同"] = "The new password must differ from the current one",
        ["密码至少需要8个字符"] = "The password needs at least 8 characters", ["密码必须同时包含字母和数字"] = "The password must contain letters and digits",
        ["密码不能包含用户名"] = "The password must not contain the user name", ["密码不能超过128个字符"] = "The password must not exceed 128 characters",
        ["正在加载…"] = "Loading…", ["{0}，您好"] = "Hello, {0}", ["您的账号尚未分配角色，请联系管理员。"] = "Your account has no role yet; please contact an administrator.",
        ["浏览本辖区组织机构"] = "Browse my area's organisation", ["本校年级与班级"] = "Grades and classes of my school", ["学校信息"] = "School details",
        ["本校用户"] = "Users of my school", ["我任教的班级"] = "My classes", ["我的班级"] = "My class", ["我的孩子"] = "My children",
        ["资源审核功能将在资源中心上线后开放。"] = "Resource review opens when the resource centre goes live.",
        ["资源上传与订单功能将在资源中心上线后开放。"] = "Uploads and orders open when the resource centre goes live.",
        ["我的全部角色"] = "All my roles",
        ["国家级管理员"] = "National administrator", ["省级管理员"] = "Province administrator", ["市级管理员"] = "City administrator",
        ["县级管理员"] = "County administrator", ["学校管理员"] = "School administrator", ["教师"] = "Teacher", ["学生"] = "Student",
        ["家长"] = "Parent", ["资源审核员"] = "Resource reviewer", ["资源提供商"] = "Resource provider",
        ["姓名或用户名"] = "Name or user name", ["全部角色"] = "All roles", ["查询"] = "Search", ["新建用户"] = "New user", ["共 {0} 个账号"] = "{0} accounts",
        ["姓名"] = "Name", ["身份证号"] = "Citizen ID", ["手机"] = "Phone", ["角色"] = "Roles", ["已停用"] = "Retired", ["上一页"] = "Previous", ["下一页"] = "Next",
        ["已创建账号 {0}。"] = "Account {0} created.", ["临时密码（仅显示一次）："] = "Temporary password (shown once): ", ["查看详情"] = "Details",
        ["公民身份号码"] = "Citizen ID number", ["手机号码"] = "Mobile phone", ["所在位置（按角色填写其一）"] = "Place (fill in the one the role needs)",
        ["行政区划代码"] = "Region code", ["学校ID"] = "School ID", ["班级ID"] = "Class ID", ["任教学科"] = "Subject taught",
        ["子女账号ID（家长，逗号分隔）"] = "Children's account IDs (parents; comma-separated)",
        ["不填写密码时系统生成临时密码；新账号首次登录必须修改密码。"] = "A temporary password is generated; new accounts must change it at first sign-in.",
        ["创建"] = "Create", ["用户详情"] = "User details", ["未找到该账号，或不在您的管理范围内。"] = "No such account within your scope.",
        ["状态"] = "Status", ["已锁定"] = "Locked", ["正常"] = "Active", ["待修改初始密码"] = "must change password",
        ["查看完整身份证号"] = "Reveal full citizen ID", ["此操作将记入审计日志"] = "This is recorded in the audit log", ["子女"] = "Children",
        ["监护人"] = "Guardians", ["账号操作"] = "Account actions", ["重置密码"] = "Reset password", ["停用账号"] = "Retire account",
        ["账号已停用"] = "Account retired", ["无权在此范围内执行该操作"] = "You may not do this in this scope",
        ["无权查看该账号的完整个人信息"] = "You may not see this account's full personal data", ["未找到该账号"] = "Account not found",
        ["不能停用自己的账号"] = "You cannot retire your own account",
        ["仅管理员可以查看审计日志。"] = "Only administrators can read the audit log.", ["全部操作"] = "All actions", ["对象类型，如 School"] = "Entity type, e.g. School",
        ["操作人ID"] = "Actor ID", ["从"] = "From", ["到"] = "To", ["时间（北京时间）"] = "Time (Beijing)", ["操作人"] = "Actor", ["操作"] = "Action",
        ["对象"] = "Entity", ["结果"] = "Outcome", ["来源地址"] = "Address", ["新建"] = "Create", ["修改"] = "Update", ["删除"] = "Delete",
        ["查看个人信息"] = "Read personal data", ["越权被拒"] = "Denied", ["登录失败"] = "Sign-in failed", ["账号锁定"] = "Locked out",
        ["成功"] = "Success", ["拒绝"] = "Denied", ["失败"] = "Failed",
        // Role grants on the user page.
        ["撤销"] = "Revoke", ["授予角色"] = "Grant a role", ["请选择角色"] = "Choose a role", ["行政区划"] = "Region", ["全校（不指定班级）"] = "Whole school (no class)",
        ["子女的登录名"] = "Child's user name", ["关系"] = "Relation", ["授予"] = "Grant", ["角色已授予"] = "Role granted", ["角色已撤销"] = "Role revoked",
        ["未找到该子女账号，或不在您的管理范围内"] = "Child account not found or outside your scope", ["该账号不是学生账号"] = "That account is not a student",
        ["该账号在此位置已有这个角色"] = "The account already holds this role here", ["不能撤销自己的管理员角色"] = "You cannot revoke your own administrator role",
    };
}
