using EduCloud.Kernel.Scope;

namespace EduCloud.Homework.Domain;

/// <summary>
/// 作业提交: one student's work on one assignment, with its current content and mark. It sits at the assignment's
/// class and belongs to the student (IOwnedByPerson), so the student, their parents and the class's teachers see
/// it, and no other student. Earlier contents are kept as <see cref="SubmissionVersion"/> rows.
/// </summary>
internal sealed class Submission : IScopedRow, IOwnedByPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssignmentId { get; set; }
    public Guid StudentId { get; set; }
    public string StudentName { get; set; } = "";
    public SubmissionStatus Status { get; set; } = SubmissionStatus.Submitted;
    public int CurrentVersion { get; set; } = 1;
    public string Text { get; set; } = "";
    public List<Guid> FileIds { get; set; } = [];
    public DateTime FirstSubmittedAt { get; set; }
    public DateTime SubmittedAt { get; set; }
    /// <summary>The current content came after the due time (soft deadline).</summary>
    public bool Late { get; set; }

    /// <summary>The answers to the assignment's bank items, in the assignment's order (empty without items).</summary>
    public List<ItemAnswer> Answers { get; set; } = [];
    /// <summary>What the objective items earned, marked on submission; part of <see cref="Score"/> once published.</summary>
    public double? AutoScore { get; set; }

    /// <summary>The whole mark: the teacher's part plus <see cref="AutoScore"/>.</summary>
    public double? Score { get; set; }
    /// <summary>Points per rubric criterion, in the rubric's order (empty without a rubric).</summary>
    public List<double> CriterionPoints { get; set; } = [];
    public string? Comment { get; set; }
    public DateTime? MarkedAt { get; set; }
    public Guid? MarkedBy { get; set; }
    public int Revision { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
    [AliasOf(nameof(StudentId))]
    public Guid PersonId => StudentId;
}

/// <summary>A student's answer to one bank item of the homework, with its automatic mark (null for a short answer).</summary>
internal sealed class ItemAnswer
{
    public Guid ItemId { get; set; }
    public List<string> Response { get; set; } = [];
    public double? Score { get; set; }
    public bool? Correct { get; set; }
}

/// <summary>Submitted (waiting for marking) → Marked (score published) or Returned (redo) → Submitted again.</summary>
internal enum SubmissionStatus
{
    Submitted = 1,
    Returned = 2,
    Marked = 3,
}

/// <summary>
/// One content of a submission as it arrived, never changed. The student's idempotency key is unique per student:
/// a double-click or a retry with the same key finds this row instead of making a second submission.
/// </summary>
internal sealed class SubmissionVersion : IScopedRow, IOwnedByPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SubmissionId { get; set; }
    public Guid AssignmentId { get; set; }
    public Guid StudentId { get; set; }
    public int Number { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public string Text { get; set; } = "";
    public List<Guid> FileIds { get; set; } = [];
    public DateTime SubmittedAt { get; set; }
    public bool Late { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
    [AliasOf(nameof(StudentId))]
    public Guid PersonId => StudentId;
}

/// <summary>批注: a teacher's comment anchored to one file of a submission ("第2页", "第3段").</summary>
internal sealed class FileComment : IScopedRow, IOwnedByPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SubmissionId { get; set; }
    public Guid FileId { get; set; }
    public Guid StudentId { get; set; }
    public string Anchor { get; set; } = "";
    public string Text { get; set; } = "";
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime At { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
    [AliasOf(nameof(StudentId))]
    public Guid PersonId => StudentId;

    public static FileComment On(Submission s) => new()
    {
        SubmissionId = s.Id, StudentId = s.StudentId, ProvinceCode = s.ProvinceCode, CityCode = s.CityCode, CountyCode = s.CountyCode,
        SchoolId = s.SchoolId, ClassId = s.ClassId,
    };
}
