namespace EduCloud.Kernel.Errors;

/// <summary>Input that breaks a rule. Field names are the API's (camelCase); messages are Chinese.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("输入有误: " + string.Join("; ", errors.Select(e => e.Key + ": " + string.Join(",", e.Value))))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The request conflicts with existing data (a duplicate code, a stale version).</summary>
public sealed class ConflictException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The caller may not do this here. The attempt is audited by whoever throws.</summary>
public sealed class ForbiddenException(string message = "无权在此范围内执行该操作") : Exception(message);

public sealed class NotFoundException(string message = "未找到该记录") : Exception(message);

/// <summary>Collects field errors so a request reports all its problems at once.</summary>
public sealed class Problems
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public Problems Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public Problems Check(bool ok, string field, string message) => ok ? this : Add(field, message);

    public Problems MaxLength(string? value, int max, string field, string label) =>
        Check(value is null || value.Length <= max, field, $"{label}不能超过{max}个字符");

    public Problems Required(string? value, string field, string label) =>
        Check(!string.IsNullOrWhiteSpace(value), field, $"{label}不能为空");

    public bool Any => _errors.Count > 0;

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
