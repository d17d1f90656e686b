using EduCloud.Resources.Search;
using Term = Lucene.Net.Index.Term;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace EduCloud.Bench.Search;

/// <summary>
/// The baseline the issue names: a plain Lucene.NET 4.8 index with the CJK bigram analysis chain (StandardTokenizer →
/// CJKWidthFilter → LowerCaseFilter → CJKBigramFilter) over one text field, on disk (MMapDirectory), force-merged to
/// one segment (Lucene's best case). Documents index unigrams too, queries bigrams (a lone character stays a
/// unigram), exactly as our analyser does, so both find the same documents for 1-character queries.
/// </summary>
internal sealed class LuceneBigramEngine(string path, bool reuse = false) : ISearchEngine
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly Analyzer _indexAnalyzer = new BigramAnalyzer(unigrams: true);
    private readonly Analyzer _queryAnalyzer = new BigramAnalyzer(unigrams: false);
    private LuceneDirectory? _directory;
    private IndexWriter? _writer;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    public string Name => "Lucene.NET 4.8 CJK bigram";
    public string Work => "top 20 + total";

    /// <summary>True when the index was opened as found (--reuse-lucene), read-only: no freshness figure then.</summary>
    public bool Reused { get; private set; }

    public Task IndexAsync(IReadOnlyList<SearchDocument> docs)
    {
        // Same seed, same generator: an index built by an earlier run holds the same documents (plus that run's
        // 100 freshness documents), and building it again costs minutes of both cores.
        if (reuse && System.IO.Directory.Exists(path) && DirectoryReader.IndexExists(_directory = new MMapDirectory(new DirectoryInfo(path))))
        {
            _reader = DirectoryReader.Open(_directory);
            _searcher = new IndexSearcher(_reader);
            Reused = true;
            return Task.CompletedTask;
        }
        _directory?.Dispose();
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, true);
        }
        _directory = new MMapDirectory(new DirectoryInfo(path));
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _indexAnalyzer) { RAMBufferSizeMB = 256, OpenMode = OpenMode.CREATE });
        foreach (var d in docs)
        {
            _writer.AddDocument(ToLucene(d));
        }
        _writer.ForceMerge(1);
        _writer.Commit();
        _reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
        _searcher = new IndexSearcher(_reader);
        return Task.CompletedTask;
    }

    public long Search(string text, bool filtered)
    {
        var query = new BooleanQuery();
        foreach (var term in Tokens(text))
        {
            query.Add(new TermQuery(new Term("text", term)), Occur.MUST);
        }
        Filter? filter = null;
        if (filtered)
        {
            var types = new BooleanQuery { { new TermQuery(new Term("type", "courseware")), Occur.SHOULD }, { new TermQuery(new Term("type", "micro-lecture")), Occur.SHOULD } };
            filter = new QueryWrapperFilter(new BooleanQuery { { types, Occur.MUST }, { new TermQuery(new Term("licence", "free")), Occur.MUST } });
        }
        return _searcher!.Search(query, filter, 20).TotalHits;
    }

    /// <summary>Near-real-time: add one document and reopen the reader from the writer, as Lucene publishes.</summary>
    public TimeSpan AddAndFind(SearchDocument d, string uniqueWord)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _writer!.AddDocument(ToLucene(d));
        var fresh = DirectoryReader.OpenIfChanged(_reader!, _writer, applyAllDeletes: true);
        if (fresh is not null)
        {
            _reader!.Dispose();
            _reader = fresh;
            _searcher = new IndexSearcher(fresh);
        }
        if (_searcher!.Search(new TermQuery(new Term("text", uniqueWord)), 1).TotalHits != 1)
        {
            throw new InvalidOperationException("Lucene did not find the fresh document");
        }
        return clock.Elapsed;
    }

    private List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        using var stream = _queryAnalyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }
        stream.End();
        return tokens;
    }

    private static Document ToLucene(SearchDocument d) =>
    [
        new TextField("text", string.Join(' ', [d.Title, d.Description, .. d.Tags, .. d.CataloguePathNames]), Field.Store.NO),
        new StringField("type", d.TypeCode, Field.Store.NO),
        new StringField("licence", d.LicenceCode, Field.Store.NO),
    ];

    public ValueTask DisposeAsync()
    {
        _reader?.Dispose();
        _writer?.Dispose();
        _directory?.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class BigramAnalyzer(bool unigrams) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(Version, stream);
            stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, unigrams);
            return new TokenStreamComponents(source, stream);
        }
    }
}
