namespace EduCloud.Students.Features.Import;

/// <summary>
/// 错误报告: the bad rows only, with the file's columns as uploaded and an 错误 column naming row, column and problem,
/// so the user fixes these rows and uploads just them again. Written as the rows are found.
/// </summary>
internal sealed class ErrorReport : IDisposable
{
    public const string ErrorHeader = "错误";
    private readonly FileStream _file;
    private readonly XlsxStreamWriter _writer;
    private readonly int _width;
    private bool _disposed;

    public ErrorReport(string path, string?[] header)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _file = new FileStream(path, FileMode.Create, FileAccess.Write);
        _writer = new XlsxStreamWriter(_file, "错误报告");
        _width = header.Length;
        _writer.WriteHeader([.. header, ErrorHeader]);
    }

    public void Add(DraftRow row)
    {
        var cells = new string?[_width + 1];
        for (var i = 0; i < _width && i < row.Cells.Length; i++)
        {
            cells[i] = row.Cells[i];
        }
        cells[_width] = row.Describe();
        _writer.WriteRow(cells);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _writer.Dispose();
        _file.Dispose();
    }
}
