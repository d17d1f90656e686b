using EduCloud.Kernel.Scope;

namespace EduCloud.Assessment.Domain;

/// <summary>
/// 作答 (one student's attempt at a quiz). Placed at the student's class: the student and their parents see it by
/// person, the class's teachers and the school's administrators by place, and no other student at all.
/// </summary>
internal sealed class Attempt : IScopedRow, IOwnedByPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid QuizId { get; set; }
    public Guid StudentId { get; set; }
    public string StudentName { get; set; } = "";
    /// <summary>1 for the first attempt; (QuizId, StudentId, Number) is unique, so a double start makes one row.</summary>
    public int Number { get; set; }
    public AttemptStatus Status { get; set; } = AttemptStatus.InProgress;
    public DateTime StartedAt { get; set; }
    /// <summary>When answers stop being taken: the quiz's close time or the end of the time limit, whichever is first.</summary>
    public DateTime DueAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public decimal Score { get; set; }
    public int MaxScore { get; set; }
    /// <summary>Short answers still waiting for the teacher.</summary>
    public int PendingMarks { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
    [AliasOf(nameof(StudentId))]
    public Guid PersonId => StudentId;
}

internal enum AttemptStatus
{
    /// <summary>作答中</summary>
    InProgress = 1,
    /// <summary>已提交，待批阅 (short answers wait for the teacher)</summary>
    Submitted = 2,
    /// <summary>已批阅</summary>
    Marked = 3,
}

/// <summary>
/// One answer within an attempt, saved as it is given (re-answering overwrites). Same place and person as its attempt.
/// Response: the chosen keys (choice), one entry per blank (fill-in) or the text (short answer).
/// </summary>
internal sealed class Answer : IScopedRow, IOwnedByPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AttemptId { get; set; }
    public Guid QuizId { get; set; }
    public Guid QuizItemId { get; set; }
    public Guid StudentId { get; set; }
    public List<string> Response { get; set; } = [];
    public DateTime AnsweredAt { get; set; }
    /// <summary>Null until marked (automatically on submission, by the teacher for short answers).</summary>
    public decimal? Score { get; set; }
    public bool? Correct { get; set; }
    public string? Comment { get; set; }
    public DateTime? MarkedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
    [AliasOf(nameof(StudentId))]
    public Guid PersonId => StudentId;
}
