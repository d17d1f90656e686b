using EduCloud.Resources.Search;
using static EduCloud.Tests.Resources.Search.SearchDocs;

namespace EduCloud.Tests.Resources.Search;

public sealed class SearchTextTests
{
    private static (BigramResourceSearch Search, SearchDocument Figures, SearchDocument Carry, SearchDocument Poem, SearchDocument English) Corpus()
    {
        var figures = Figures("认识图形 课件");
        var carry = Carry("9加几 教学设计");
        var poem = Poem("《静夜思》教学设计");
        var english = Doc("Unit 1 Hello! 课件", "PEP英语三年级上册 Let's talk 对话教学。", ["英语"], ["小学", "英语", "人教PEP版", "三年级上册", "Unit 1 Hello!"], subject: "english");
        return (Index(figures, carry, poem, english), figures, carry, poem, english);
    }

    private static List<Guid> Ids(SearchResult r) => r.Hits.Select(h => h.ResourceId).ToList();

    [Fact]
    public void Two_character_word_finds_every_resource_holding_it_and_only_those()
    {
        var (search, figures, carry, poem, english) = Corpus();
        var maths = search.Search(Query("数学"));
        maths.Total.ShouldBe(2);
        Ids(maths).ShouldBe([figures.ResourceId, carry.ResourceId], ignoreOrder: true);
        Ids(search.Search(Query("语文"))).ShouldBe([poem.ResourceId]);
        Ids(search.Search(Query("英语"))).ShouldBe([english.ResourceId]);
    }

    [Fact]
    public void One_character_query_matches_inside_words()
    {
        var (search, figures, carry, poem, _) = Corpus();
        Ids(search.Search(Query("诗"))).ShouldBe([poem.ResourceId]); // only inside 古诗
        Ids(search.Search(Query("形"))).ShouldBe([figures.ResourceId]);
        search.Search(Query("加")).Total.ShouldBe(1);
        Ids(search.Search(Query("加"))).ShouldBe([carry.ResourceId]);
        search.Search(Query("鲸")).Total.ShouldBe(0);
    }

    [Fact]
    public void Longer_query_needs_all_its_bigrams()
    {
        var (search, _, carry, poem, _) = Corpus();
        Ids(search.Search(Query("进位加法"))).ShouldBe([carry.ResourceId]);
        Ids(search.Search(Query("静夜思 教学设计"))).ShouldBe([poem.ResourceId]);
        // 《静夜思》教学设计 has no bigram 思教: punctuation in the title ends a run, as in Lucene's CJK bigrams
        search.Search(Query("静夜思教学设计")).Total.ShouldBe(0);
        // 进位 and 加法 both occur in no single resource with 减法
        search.Search(Query("进位减法")).Total.ShouldBe(0);
    }

    [Fact]
    public void Typing_a_chapter_name_finds_that_chapters_resources()
    {
        var (search, figures, carry, _, _) = Corpus();
        Ids(search.Search(Query("认识图形"))).ShouldBe([figures.ResourceId]);
        Ids(search.Search(Query("20以内的进位加法"))).ShouldBe([carry.ResourceId]);
        Ids(search.Search(Query("一年级上册"))).ShouldBe([figures.ResourceId, carry.ResourceId], ignoreOrder: true);
    }

    [Fact]
    public void Latin_words_and_digits_are_whole_case_insensitive_tokens_and_full_width_is_folded()
    {
        var (search, _, carry, _, english) = Corpus();
        Ids(search.Search(Query("HELLO"))).ShouldBe([english.ResourceId]);
        Ids(search.Search(Query("ｕｎｉｔ　１"))).ShouldBe([english.ResourceId]);
        Ids(search.Search(Query("20以内"))).ShouldBe([carry.ResourceId]);
        search.Search(Query("hel")).Total.ShouldBe(0); // words are whole tokens, not prefixes
    }

    [Fact]
    public void A_title_match_ranks_above_a_description_match()
    {
        var inTitle = Doc("凑十法 微课", "一年级数学。");
        var inBody = Doc("一年级数学 练习", "本练习巩固凑十法。");
        var search = Index(inBody, inTitle);
        var hits = search.Search(Query("凑十法")).Hits;
        hits.Select(h => h.ResourceId).ShouldBe([inTitle.ResourceId, inBody.ResourceId]);
        hits[0].Score.ShouldBeGreaterThan(hits[1].Score);
    }

    [Fact]
    public void Rarer_terms_weigh_more_than_common_ones()
    {
        var common = Enumerable.Range(0, 20).Select(i => Doc($"数学练习 {i}")).ToArray();
        var rare = Doc("数学 几何画板 练习");
        var onlyCommon = Doc("数学练习 数学练习");
        var search = Index([.. common, rare, onlyCommon]);
        search.Search(Query("几何 数学")).Hits[0].ResourceId.ShouldBe(rare.ResourceId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData("，。！？……")]
    [InlineData(null)]
    public void Empty_or_punctuation_only_text_browses_everything_by_filters(string? text)
    {
        var (search, _, _, _, _) = Corpus();
        var result = search.Search(Query(text));
        result.Total.ShouldBe(4);
        result.Hits.Count.ShouldBe(4);
    }

    [Fact]
    public void Markup_is_searched_as_plain_words_and_odd_input_never_throws()
    {
        var marked = Doc("<script>alert('认识图形')</script> 课件");
        var (search, figures, _, _, _) = Corpus();
        search.Upsert(marked);
        Ids(search.Search(Query("<b>认识图形</b>"))).ShouldBe([figures.ResourceId, marked.ResourceId], ignoreOrder: true);
        search.Search(Query("script")).Total.ShouldBe(0); // tags are not words
        Ids(search.Search(Query("alert"))).ShouldBe([marked.ResourceId]);
        search.Search(Query("<>&lt;")).Total.ShouldBe(0); // "lt" is a word that no resource has
        search.Search(Query("' OR 1=1; --")).Total.ShouldBe(0);
        search.Search(Query("\ud800\u0000\uffff")).Total.ShouldBe(0); // a lone surrogate and control characters
        search.Search(Query(new string('数', 100_000))).Total.ShouldBe(0); // cut to 64 characters: 数数 is in no document
        search.Search(Query(string.Concat(Enumerable.Repeat("认识图形 ", 50)))).Total.ShouldBe(2); // long, but every bigram is in the chapter name
        search.Search(Query("数学", page: -3, size: 0)).Hits.Count.ShouldBe(1); // page and size clamped to 1
        search.Search(Query("数学", size: 100_000)).Hits.Count.ShouldBe(2);
    }
}
