using System.Globalization;
using System.Text;

namespace EduCloud.Resources.Features.Oai;

/// <summary>
/// An OAI-PMH resumption token: the request's own arguments plus the (datestamp, id) of the last record sent, the
/// cursor and the list size of the first page. A keyset, not an offset: a resource published during a harvest gets a
/// later datestamp and so joins the end of the list instead of shifting the pages. Tokens never expire and hold
/// nothing the harvester could not send itself; anything that does not parse is badResumptionToken.
/// </summary>
internal sealed record ResumptionToken(string Prefix, string? Set, string? From, string? Until, DateTime AfterDatestamp, string AfterKey, int Cursor, int CompleteListSize)
{
    private const string Version = "1";

    public string Encode()
    {
        var text = string.Join('\n', Version, Prefix, Set ?? "", From ?? "", Until ?? "",
            AfterDatestamp.Ticks.ToString(CultureInfo.InvariantCulture), AfterKey, Cursor.ToString(CultureInfo.InvariantCulture),
            CompleteListSize.ToString(CultureInfo.InvariantCulture));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static ResumptionToken? TryDecode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\n');
            if (parts.Length != 9 || parts[0] != Version
                || !long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks < 0 || ticks > DateTime.MaxValue.Ticks
                || parts[6].Length != 32 || !parts[6].All(char.IsAsciiHexDigitLower)
                || !int.TryParse(parts[7], NumberStyles.None, CultureInfo.InvariantCulture, out var cursor)
                || !int.TryParse(parts[8], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return null;
            }
            return new ResumptionToken(parts[1], Empty(parts[2]), Empty(parts[3]), Empty(parts[4]), new DateTime(ticks, DateTimeKind.Utc), parts[6], cursor, size);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Empty(string s) => s.Length == 0 ? null : s;
}
