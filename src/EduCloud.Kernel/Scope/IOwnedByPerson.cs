namespace EduCloud.Kernel.Scope;

/// <summary>A row about one person: visible to that person (and to a parent of theirs) wherever it sits in the tree.</summary>
public interface IOwnedByPerson
{
    Guid PersonId { get; }
}

/// <summary>Properties whose values must never be written to the audit trail or logs.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;

/// <summary>Changes to rows of this type are written to the audit trail even though they are not scoped.</summary>
public interface IAudited;

/// <summary>
/// Marks an unmapped property that only restates a mapped one (Account.PersonId is its Id), so the scope
/// filter can query the mapped column instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AliasOfAttribute(string property) : Attribute
{
    public string Property { get; } = property;
}
