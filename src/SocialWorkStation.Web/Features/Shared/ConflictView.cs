namespace SocialWorkStation.Web.Features.Shared;

/// <summary>
/// The two versions of a record side by side after a stale save (409): what the user submitted and what
/// is saved now, field by field, with the fields that differ marked (shown by _Conflict).
/// </summary>
public sealed record ConflictView(int SavedVersion, IReadOnlyList<(string Label, string Mine, string Theirs)> Rows)
{
    public const string Message = "您编辑期间，这条记录已被他人修改并保存。请对照下方两个版本：确认后再次点击“保存”，将以您填写的内容为准；如要放弃您的修改，请点击“取消”。";

    /// <summary>Compares two forms of the same type by the labelled properties; lists are compared as text.</summary>
    public static ConflictView Of<T>(T mine, T theirs, int savedVersion, IReadOnlyList<(string Property, string Label)> fields)
    {
        static string Show(object? v) => v switch
        {
            null => "",
            bool b => b ? "是" : "否",
            string s => s.Trim(),
            System.Collections.IEnumerable list => string.Join("、", list.Cast<object?>().Select(x => x?.ToString()?.Trim()).Where(x => !string.IsNullOrEmpty(x))),
            decimal d => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            _ => v.ToString() ?? "",
        };
        var rows = fields.Select(f =>
        {
            var p = typeof(T).GetProperty(f.Property) ?? throw new ArgumentException(f.Property);
            return (f.Label, Show(p.GetValue(mine)), Show(p.GetValue(theirs)));
        }).ToList();
        return new ConflictView(savedVersion, rows);
    }
}
