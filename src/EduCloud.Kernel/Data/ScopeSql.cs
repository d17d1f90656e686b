using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using EduCloud.Kernel.Scope;

namespace EduCloud.Kernel.Data;

/// <summary>
/// The scope filter of <see cref="ScopedDbContext"/> as SQL text, for the few hot read paths that skip EF Core's
/// query pipeline and read with a plain <see cref="DbDataReader"/> (ADR 0014). It is the same rule, term for term:
/// the platform (Unrestricted) sees every row; otherwise a row is visible when its province, city or county code,
/// or its school or class id, is in the caller's read set; a caller with no place sees nothing. A list of one is an
/// equality, a longer list an <c>IN</c>. Only for place-scoped rows: a row owned by a person
/// (<see cref="IOwnedByPerson"/>) is refused, since its person term is not rendered here. Tests check, role by role,
/// that a raw read filtered by this returns exactly what the EF query filter returns (ScopeSqlAgreementTests).
/// </summary>
public sealed class ScopeSql
{
    private readonly string _template;
    private readonly List<(string Name, object Value)> _parameters;

    private ScopeSql(string template, List<(string Name, object Value)> parameters)
    {
        _template = template;
        _parameters = parameters;
    }

    /// <summary>
    /// Names the condition with its values: equal keys select the same rows, so a result computed under one (a
    /// list's total) may be reused under the other.
    /// </summary>
    public string Key => _key ??= _template + "|" + string.Join("|", _parameters.Select(p => p.Name + "=" + p.Value));

    private string? _key;

    /// <summary>The condition over the table aliased <paramref name="alias"/>, e.g. <c>s."CountyCode" = @scope_county</c>.</summary>
    public string Sql(string alias) => _template.Replace("{a}", alias, StringComparison.Ordinal);

    /// <summary>Adds the condition's parameters to a command (once, however often <see cref="Sql"/> was used in it).</summary>
    public void AddParameters(DbCommand command)
    {
        foreach (var (name, value) in _parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    /// <summary>The condition with <c>{a}</c> for the table alias: equal templates are the same SQL for any values.</summary>
    public string Template => _template;

    /// <summary>
    /// The condition for <paramref name="scope"/> over rows of <typeparamref name="TRow"/>. Guids are bound as the
    /// database stores them: uppercase text on SQLite (EF Core's mapping), uuid on PostgreSQL.
    /// <para>
    /// Built once per scope object: a person's DataScope is loaded once and shared by their requests for a while
    /// (ScopeLoader's cache), and a scope is never changed once built, so its SQL form is kept beside it (weakly:
    /// it goes when the scope goes). Rebuilding it was a visible part of the school list's CPU (ADR 0019).
    /// </para>
    /// </summary>
    public static ScopeSql For<TRow>(DataScope scope, bool postgres)
        where TRow : IScopedRow =>
        postgres
            ? Kept<TRow>.Postgres.GetValue(scope, static s => Build<TRow>(s, postgres: true))
            : Kept<TRow>.Sqlite.GetValue(scope, static s => Build<TRow>(s, postgres: false));

    private static class Kept<TRow>
    {
        public static readonly ConditionalWeakTable<DataScope, ScopeSql> Sqlite = new();
        public static readonly ConditionalWeakTable<DataScope, ScopeSql> Postgres = new();
    }

    private static ScopeSql Build<TRow>(DataScope scope, bool postgres)
        where TRow : IScopedRow
    {
        if (typeof(IOwnedByPerson).IsAssignableFrom(typeof(TRow)))
        {
            throw new NotSupportedException($"{typeof(TRow).Name} is owned by a person; read it through its DbContext.");
        }
        if (scope.Unrestricted.Count > 0)
        {
            return new ScopeSql("1 = 1", []);
        }
        var terms = new List<string>();
        var parameters = new List<(string, object)>();
        void Add<T>(List<T> values, string property, string name, bool nullable)
            where T : notnull
        {
            if (values.Count == 0)
            {
                return;
            }
            var column = $"{{a}}.\"{ColumnOf<TRow>(property)}\"";
            if (values.Count == 1)
            {
                terms.Add($"{column} = @scope_{name}");
                parameters.Add(("@scope_" + name, Bind(values[0], postgres)));
                return;
            }
            var names = new StringBuilder();
            for (var i = 0; i < values.Count; i++)
            {
                names.Append(i == 0 ? "" : ", ").Append("@scope_").Append(name).Append(i);
                parameters.Add(($"@scope_{name}{i}", Bind(values[i], postgres)));
            }
            terms.Add(nullable ? $"({column} IS NOT NULL AND {column} IN ({names}))" : $"{column} IN ({names})");
        }
        Add(scope.Provinces, nameof(IScopedRow.ProvinceCode), "province", nullable: false);
        Add(scope.Cities, nameof(IScopedRow.CityCode), "city", nullable: false);
        Add(scope.Counties, nameof(IScopedRow.CountyCode), "county", nullable: false);
        Add(scope.Schools, nameof(IScopedRow.SchoolId), "school", nullable: true);
        Add(scope.Classes, nameof(IScopedRow.ClassId), "class", nullable: true);
        return terms.Count == 0 ? new ScopeSql("1 = 0", []) : new ScopeSql("(" + string.Join(" OR ", terms) + ")", parameters);
    }

    private static object Bind<T>(T value, bool postgres)
        where T : notnull =>
        value is Guid g && !postgres ? g.ToString().ToUpperInvariant() : value;

    /// <summary>The column behind a scope property: its own name, or the property it is an alias of (as the EF filter maps it).</summary>
    private static string ColumnOf<TRow>(string property) => Columns<TRow>.Of.GetValueOrDefault(property, property);

    /// <summary>Read once per row type: reflection on every request showed up in the hot path.</summary>
    private static class Columns<TRow>
    {
        public static readonly Dictionary<string, string> Of = typeof(IScopedRow).GetProperties().ToDictionary(
            p => p.Name, p => typeof(TRow).GetProperty(p.Name)?.GetCustomAttribute<AliasOfAttribute>()?.Property ?? p.Name, StringComparer.Ordinal);
    }
}
