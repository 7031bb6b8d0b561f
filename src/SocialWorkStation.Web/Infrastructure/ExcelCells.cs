namespace SocialWorkStation.Web.Infrastructure;

/// <summary>
/// Text that people typed, made safe for a spreadsheet: a cell starting with = + - @ (or a tab or
/// carriage return) could be run as a formula when the file is opened or re-saved as CSV (OWASP "CSV
/// injection"), so it gets a leading apostrophe and stays text.
/// </summary>
public static class ExcelCells
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string? Safe(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>Every text cell of a sheet made safe, for a sheet whose rows mix typed text with the platform's own words.</summary>
    public static List<Dictionary<string, object?>> SafeRows(IEnumerable<Dictionary<string, object?>> rows) =>
        rows.Select(r => r.ToDictionary(c => c.Key, c => c.Value is string s ? Safe(s) : c.Value)).ToList();
}
