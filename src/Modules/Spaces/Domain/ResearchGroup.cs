namespace EduCloud.Spaces.Domain;

/// <summary>
/// 教研组 (a school's subject group) or 名师工作室 (a master teacher's studio across schools). Its discussions, shared
/// lesson plans and observations are visible to its members only, so membership, not place, decides access.
/// </summary>
internal sealed class ResearchGroup : Kernel.Scope.IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public GroupKind Kind { get; set; }
    public string? Subject { get; set; }
    /// <summary>The school of a subject group; null for a studio.</summary>
    public Guid? SchoolId { get; set; }
    public Guid LeaderId { get; set; }
    public string LeaderName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

internal enum GroupKind
{
    /// <summary>教研组</summary>
    SubjectGroup = 1,
    /// <summary>名师工作室</summary>
    Studio = 2,
}

internal sealed class GroupMember : Kernel.Scope.IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GroupId { get; set; }
    public Guid AccountId { get; set; }
    public string DisplayName { get; set; } = "";
    public bool IsLeader { get; set; }
    public DateTime JoinedAt { get; set; }
}

/// <summary>研讨: a topic (ParentId null) or a reply in a group's discussion.</summary>
internal sealed class Post
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GroupId { get; set; }
    public Guid? ParentId { get; set; }
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public int Replies { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastAt { get; set; }
}

/// <summary>听评课: an observer's record of a colleague's lesson, with ratings per criterion (1-5) and comments.</summary>
internal sealed class Observation : Kernel.Scope.IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GroupId { get; set; }
    public Guid ObserverId { get; set; }
    public string ObserverName { get; set; } = "";
    public Guid TeacherId { get; set; }
    public string TeacherName { get; set; } = "";
    public string Topic { get; set; } = "";
    public DateOnly ObservedOn { get; set; }
    /// <summary>Ratings 1-5 in the order of <see cref="Criteria"/>.</summary>
    public List<int> Ratings { get; set; } = [];
    public string Strengths { get; set; } = "";
    public string Suggestions { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public static readonly string[] Criteria = ["教学目标", "教学过程", "教学方法", "学生参与", "教学效果"];
}
