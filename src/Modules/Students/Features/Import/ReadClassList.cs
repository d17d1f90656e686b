using System.Threading.Channels;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// Opens an uploaded class list (.xlsx or .csv), finds its header row, and hands the data rows on in batches
/// through a bounded channel from a reader thread, so reading, checking and writing overlap and memory stays flat.
/// </summary>
internal sealed class ReadClassList : IDisposable
{
    public const int BatchSize = 4096;
    private const int HeaderSearchRows = 30;
    private readonly CountingStream _stream;
    private readonly XlsxStreamReader? _xlsx;
    private readonly IEnumerator<SheetRow> _rows;
    private readonly List<SheetRow> _buffered = [];

    public ReadClassList(string path, string fileName)
    {
        _stream = new CountingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            _rows = CsvStreamReader.ReadRows(_stream).GetEnumerator();
        }
        else
        {
            _xlsx = new XlsxStreamReader(_stream);
            _rows = _xlsx.ReadRows().GetEnumerator();
        }
    }

    /// <summary>File column → template column; null when no row looks like the header.</summary>
    public int[]? ColumnMap { get; private set; }

    /// <summary>The header as the report repeats it: template names where a column was recognised.</summary>
    public string?[] HeaderCells { get; private set; } = [];

    /// <summary>Share of the file read so far (bytes of the upload, which a zip streams in order).</summary>
    public double Fraction => _stream.Length == 0 ? 1 : Math.Min(1, (double)_stream.BytesRead / _stream.Length);

    public bool FindHeader()
    {
        while (_buffered.Count < HeaderSearchRows && _rows.MoveNext())
        {
            _buffered.Add(_rows.Current);
        }
        var best = -1;
        var bestScore = 0;
        int[]? bestMap = null;
        var twoRows = false;
        for (var i = 0; i < _buffered.Count; i++)
        {
            var map = ImportColumns.MapRow(_buffered[i].Cells);
            var score = ImportColumns.Score(map);
            var two = false;
            if (i + 1 < _buffered.Count && ImportColumns.MapTwoRows(_buffered[i].Cells, _buffered[i + 1].Cells) is { } combined
                && ImportColumns.Score(combined) > score)
            {
                (map, score, two) = (combined, ImportColumns.Score(combined), true);
            }
            if (score > bestScore)
            {
                (best, bestScore, bestMap, twoRows) = (i, score, map, two);
            }
        }
        if (bestMap is null || bestScore < 3 || ImportColumns.Required.Any(c => !bestMap.Contains(c)))
        {
            return false;
        }
        ColumnMap = bestMap;
        HeaderCells = bestMap.Select((c, i) => c >= 0 ? ImportColumns.Headers[c] : (i < _buffered[best].Cells.Length ? _buffered[best].Cells[i] : null)).ToArray();
        _buffered.RemoveRange(0, best + (twoRows ? 2 : 1));
        return true;
    }

    /// <summary>Data rows after the header, blank rows dropped, in batches.</summary>
    public ChannelReader<List<SheetRow>> StartReading(CancellationToken ct)
    {
        var channel = Channel.CreateBounded<List<SheetRow>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        _ = Task.Run(async () =>
        {
            try
            {
                var batch = new List<SheetRow>(BatchSize);
                foreach (var row in _buffered.Concat(Remaining()))
                {
                    ct.ThrowIfCancellationRequested();
                    if (row.IsBlank)
                    {
                        continue;
                    }
                    batch.Add(row);
                    if (batch.Count == BatchSize)
                    {
                        await channel.Writer.WriteAsync(batch, ct);
                        batch = new List<SheetRow>(BatchSize);
                    }
                }
                if (batch.Count > 0)
                {
                    await channel.Writer.WriteAsync(batch, ct);
                }
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, ct);
        return channel.Reader;
    }

    private IEnumerable<SheetRow> Remaining()
    {
        while (_rows.MoveNext())
        {
            yield return _rows.Current;
        }
    }

    public void Dispose()
    {
        _rows.Dispose();
        _xlsx?.Dispose();
        _stream.Dispose();
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        private readonly long _length = inner.Length;
        private long _read;
        public long BytesRead => Interlocked.Read(ref _read);
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => _length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            // The zip reader first reads the directory at the end, then the entries in order: the last position read is
            // a fair measure once the sheet is being streamed.
            Interlocked.Exchange(ref _read, inner.Position);
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
