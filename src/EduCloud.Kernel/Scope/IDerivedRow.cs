namespace EduCloud.Kernel.Scope;

/// <summary>
/// A scoped row that is computed from other rows in the same SaveChanges (a count, a projection). Reads are still
/// scope-filtered, but its changes are neither guarded nor audited on their own: the change it derives from was.
/// </summary>
public interface IDerivedRow : IScopedRow;
