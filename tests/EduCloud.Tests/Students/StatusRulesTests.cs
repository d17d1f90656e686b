using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Students.Domain;

namespace EduCloud.Tests.Students;

/// <summary>The lifecycle matrix: every (status, change) pair, allowed or forbidden, against an expectation written out by hand.</summary>
public sealed class StatusRulesTests
{
    private const EnrolmentStatus None = StatusRules.None;
    private const EnrolmentStatus E = EnrolmentStatus.Enrolled;
    private const EnrolmentStatus S = EnrolmentStatus.Suspended;
    private const EnrolmentStatus W = EnrolmentStatus.Withdrawn;
    private const EnrolmentStatus G = EnrolmentStatus.Graduated;

    /// <summary>Written independently of StatusRules.Table: what the school regulations allow.</summary>
    private static readonly Dictionary<(EnrolmentStatus, ChangeKind), EnrolmentStatus> Allowed = new()
    {
        [(None, ChangeKind.Admission)] = E,
        [(E, ChangeKind.Promotion)] = E,
        [(E, ChangeKind.Repeat)] = E,
        [(E, ChangeKind.Skip)] = E,
        [(E, ChangeKind.ClassChange)] = E,
        [(E, ChangeKind.Transfer)] = E,
        [(E, ChangeKind.Suspension)] = S,
        [(S, ChangeKind.Resumption)] = E,
        [(E, ChangeKind.Withdrawal)] = W,
        [(S, ChangeKind.Withdrawal)] = W,
        [(E, ChangeKind.Graduation)] = G,
        [(E, ChangeKind.NumberConfirmation)] = E,
        [(S, ChangeKind.NumberConfirmation)] = S,
    };

    public static TheoryData<int, int> Matrix()
    {
        var data = new TheoryData<int, int>();
        foreach (var state in StatusRules.States)
        {
            foreach (var kind in Enum.GetValues<ChangeKind>())
            {
                data.Add((int)state, (int)kind);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    internal void Every_transition_is_allowed_or_forbidden_as_the_regulations_say(int from, int kind)
    {
        var key = ((EnrolmentStatus)from, (ChangeKind)kind);
        var next = StatusRules.Next(key.Item1, key.Item2);
        if (Allowed.TryGetValue(key, out var expected))
        {
            next.ShouldBe(expected);
            StatusRules.Authorize(key.Item1, key.Item2, Stage.Senior, Actor(Role.SchoolAdmin)).ShouldBe(expected);
        }
        else
        {
            next.ShouldBeNull();
            Should.Throw<ConflictException>(() => StatusRules.Authorize(key.Item1, key.Item2, Stage.Senior, Actor(Role.NationalAdmin))).Field.ShouldBe("kind");
        }
    }

    [Fact]
    public void The_table_holds_exactly_the_expected_transitions() =>
        StatusRules.Table.Select(r => (r.From, r.Kind)).ToHashSet().SetEquals(Allowed.Keys).ShouldBeTrue();

    [Theory]
    [InlineData(Stage.Primary, Role.SchoolAdmin, false)]
    [InlineData(Stage.Junior, Role.SchoolAdmin, false)]
    [InlineData(Stage.Senior, Role.SchoolAdmin, true)]
    [InlineData(Stage.Primary, Role.CountyAdmin, true)]
    [InlineData(Stage.Primary, Role.ProvinceAdmin, true)]
    [InlineData(Stage.Primary, Role.Teacher, false)]
    internal void Withdrawal_in_compulsory_education_needs_a_bureau(Stage stage, Role role, bool allowed)
    {
        var act = () => StatusRules.Authorize(E, ChangeKind.Withdrawal, stage, Actor(role));
        if (allowed)
        {
            act().ShouldBe(W);
        }
        else
        {
            Should.Throw<ForbiddenException>(() => act());
        }
    }

    [Theory]
    [InlineData(Role.Teacher)]
    [InlineData(Role.Student)]
    [InlineData(Role.Parent)]
    [InlineData(Role.ResourceReviewer)]
    internal void Non_administrators_record_no_change(Role role) =>
        Should.Throw<ForbiddenException>(() => StatusRules.Authorize(E, ChangeKind.Suspension, Stage.Senior, Actor(role)));

    [Fact]
    public void Reason_codes_are_checked_per_kind()
    {
        ChangeReasons.Find(ChangeKind.Suspension, "61")!.Name.ShouldBe("因病");
        ChangeReasons.Find(ChangeKind.Withdrawal, "82")!.Name.ShouldBe("死亡");
        ChangeReasons.Find(ChangeKind.Suspension, "82").ShouldBeNull();
        ChangeReasons.Find(ChangeKind.Suspension, null).ShouldBeNull();
        ChangeReasons.Find(ChangeKind.Promotion, null)!.Code.ShouldBe("21");
        foreach (var rule in StatusRules.Table.Where(r => r.Kind != ChangeKind.Transfer))
        {
            ChangeReasons.For(rule.Kind).ShouldNotBeEmpty(rule.Kind.ToString());
        }
    }

    [Fact]
    public void Cancellation_is_never_a_table_transition_and_some_changes_cannot_be_undone()
    {
        StatusRules.States.ShouldAllBe(s => StatusRules.Next(s, ChangeKind.Cancellation) == null);
        StatusRules.NotCancellable.ShouldContain(ChangeKind.Cancellation);
        StatusRules.NotCancellable.ShouldContain(ChangeKind.Admission);
        StatusRules.NotCancellable.ShouldNotContain(ChangeKind.Suspension);
    }

    private static ICurrentActor Actor(Role role) => new TestActor([role]);

    private sealed class TestActor(IReadOnlyList<Role> roles) : ICurrentActor
    {
        public Guid? UserId { get; } = Guid.NewGuid();
        public string? DisplayName => "测试";
        public string? ClientAddress => null;
        public IReadOnlyList<Role> Roles => roles;
        public DataScope Scope { get; } = new();
    }
}

public sealed class StudentsTextsTests
{
    [Fact]
    public void Every_kind_status_and_reason_name_has_an_English_translation()
    {
        var names = Enum.GetValues<ChangeKind>().Select(StatusRules.KindName)
            .Concat(StatusRules.States.Select(StatusRules.StatusName))
            .Concat(ChangeReasons.ByKind.Values.SelectMany(r => r).Select(r => r.Name));
        names.Where(n => !EduCloud.Students.StudentsTexts.English.ContainsKey(n)).ShouldBeEmpty();
    }
}
