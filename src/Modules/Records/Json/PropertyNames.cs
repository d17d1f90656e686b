using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EduCloud.Records.Json;

/// <summary>
/// The property names the specification allows on one kind of object, each with the slot its value is kept in
/// (<see cref="StatementRules.Properties{TNames}"/>), -1 for a name not allowed there. The rule checks read an object's
/// properties once, dispatching on the name, instead of looking each rule's property up again: every
/// <c>TryGetProperty</c> scanned the object's properties from the end (docs/benchmarks.md, "Session 15").
/// </summary>
internal interface IPropertyNames
{
    static abstract int SlotOf(ReadOnlySpan<char> name);
}

/// <summary>One object's property values by slot; a slot whose property is absent is <c>default</c> (Undefined).</summary>
[InlineArray(12)]
internal struct PropertyValues
{
    private JsonElement _first;
}
