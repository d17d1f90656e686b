using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace EduCloud.Bench.Import;

/// <summary>
/// CPU seconds spent on one measurement: this process, plus (PostgreSQL) the server backends connected to the bench
/// database, read from /proc. On a shared machine the wall clock says more about the neighbours than about the code;
/// CPU per row does not, and rows ÷ (CPU ÷ cores) is what the same work would take on the idle machine.
/// </summary>
internal sealed class CpuMeter
{
    private readonly string? _adminConnection;
    private readonly string? _database;
    private readonly TimeSpan _processStart;
    private Dictionary<int, double> _backendsStart = [];

    private CpuMeter(string? adminConnection, string? database)
    {
        (_adminConnection, _database) = (adminConnection, database);
        _processStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public static async Task<CpuMeter> StartAsync(string? adminConnection, string? database)
    {
        var meter = new CpuMeter(adminConnection, database);
        meter._backendsStart = await meter.BackendsAsync();
        return meter;
    }

    public async Task<(double Process, double Database)> StopAsync()
    {
        var process = (Process.GetCurrentProcess().TotalProcessorTime - _processStart).TotalSeconds;
        var backends = await BackendsAsync();
        var database = backends.Sum(b => b.Value - _backendsStart.GetValueOrDefault(b.Key));
        return (process, database);
    }

    private async Task<Dictionary<int, double>> BackendsAsync()
    {
        var result = new Dictionary<int, double>();
        if (_adminConnection is null)
        {
            return result;
        }
        await using var c = new NpgsqlConnection(_adminConnection);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @d", c);
        cmd.Parameters.AddWithValue("d", _database!);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pid = reader.GetInt32(0);
            try
            {
                // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 per second).
                var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                result[pid] = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
            }
            catch (IOException)
            {
                // The backend ended between the query and the read.
            }
        }
        return result;
    }
}
