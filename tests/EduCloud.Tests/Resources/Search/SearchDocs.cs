using EduCloud.Resources.Search;

namespace EduCloud.Tests.Resources.Search;

/// <summary>Real-looking resources of the 人教版 catalogue for the search tests.</summary>
internal static class SearchDocs
{
    public static readonly Guid FiguresNode = Guid.Parse("11111111-0000-0000-0000-000000000001");
    public static readonly Guid CarryNode = Guid.Parse("11111111-0000-0000-0000-000000000002");
    public static readonly Guid PoemNode = Guid.Parse("11111111-0000-0000-0000-000000000003");
    public static readonly Guid School = Guid.Parse("22222222-0000-0000-0000-000000000001");
    private static readonly DateTimeOffset Start = new(2025, 9, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public static SearchDocument Doc(string title, string description = "", string[]? tags = null, string[]? path = null,
        Guid[]? nodes = null, string subject = "math", string grade = "p1", string type = "courseware", string format = "pptx",
        string language = "zh", string licence = "free", string kind = "basic", Guid? school = null, int day = 0,
        long uses = 0, double rating = 0, int ratings = 0, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), title, description, tags ?? [], path ?? [], nodes ?? [], "primary", subject, grade, type, format,
            language, licence, kind, 0, school, Start.AddDays(day), uses, rating, ratings);

    public static SearchDocument Figures(string title, int day = 0) => Doc(title, "通过观察、操作认识长方体、正方体、圆柱和球。",
        ["图形", "一年级"], ["小学", "数学", "人教版", "一年级上册", "认识图形（一）"], [FiguresNode], day: day);

    public static SearchDocument Carry(string title, int day = 0) => Doc(title, "9加几、8加几和7、6加几的进位加法，凑十法。",
        ["凑十法"], ["小学", "数学", "人教版", "一年级上册", "20以内的进位加法"], [CarryNode], day: day);

    public static SearchDocument Poem(string title, string type = "lesson-plan", int day = 0) => Doc(title, "李白《静夜思》朗读与背诵，体会思乡之情。",
        ["古诗", "李白"], ["小学", "语文", "部编版", "一年级下册", "静夜思"], [PoemNode], subject: "chinese", type: type, format: "docx", day: day);

    public static SearchQuery Query(string? text, SearchSort sort = SearchSort.Relevance, int page = 1, int size = 20,
        Dictionary<string, IReadOnlyList<string>>? filters = null, Guid[]? schools = null) =>
        new(text, filters ?? [], sort, page, size, schools ?? []);

    public static Dictionary<string, IReadOnlyList<string>> Filter(string facet, params string[] codes) => new() { [facet] = codes };

    public static BigramResourceSearch Index(params SearchDocument[] docs)
    {
        var search = new BigramResourceSearch();
        foreach (var d in docs)
        {
            search.Upsert(d);
        }
        return search;
    }
}
