using EduCloud.Kernel.Scope;

namespace EduCloud.Assessment.Domain;

/// <summary>
/// 自测 (self-test) built by a teacher from bank items. Like a class push it is addressed to classes rather than
/// placed in the tree: its owner manages it, the students of its classes take it (QuizAccess decides both).
/// Each <see cref="QuizItem"/> is a copy of the bank item taken when the quiz is built, so later edits of the
/// bank never change a quiz that students have answered.
/// </summary>
internal sealed class Quiz : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Title { get; set; } = "";
    public Guid OwnerId { get; set; }
    public string OwnerName { get; set; } = "";
    public Guid SchoolId { get; set; }
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    /// <summary>限时 in minutes from the start of an attempt; null: until the quiz closes.</summary>
    public int? TimeLimitMinutes { get; set; }
    public int AttemptsAllowed { get; set; } = 1;
    /// <summary>Whether a student sees the correct answers once they have submitted.</summary>
    public bool ShowAnswers { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public List<QuizItem> Items { get; set; } = [];
    public List<QuizClass> Classes { get; set; } = [];
}

/// <summary>One item of a quiz, in order, with the points it carries in this quiz (a snapshot of the bank item).</summary>
internal sealed class QuizItem : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid QuizId { get; set; }
    public Guid ItemId { get; set; }
    public int Position { get; set; }
    public int Points { get; set; }
    public ItemKind Kind { get; set; }
    public string Stem { get; set; } = "";
    public List<ItemOption> Options { get; set; } = [];
    public List<ItemBlank> Blanks { get; set; } = [];
    public string? ReferenceAnswer { get; set; }
    public List<string> KnowledgePoints { get; set; } = [];
}

/// <summary>A class the quiz is assigned to.</summary>
internal sealed class QuizClass : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid QuizId { get; set; }
    public Guid ClassId { get; set; }
    public string ClassName { get; set; } = "";
}
