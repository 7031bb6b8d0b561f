using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>What the bureau sends with the sheet: the tree's name, its declared total, where it comes from, and the county when above county level.</summary>
public sealed record TreeImportInput(string? Name, string? Total, string? Source, string? CountyCode);

/// <summary>
/// A county bureau loads its own indicator tree from an .xlsx sheet (docs/requirements/evaluation.md §2a): the first
/// sheet, header row 编码, 上级编码, 名称, 分值, 评估方法, 评估内容, 数据关联. Every problem is returned with its row
/// and column and nothing is stored; a clean sheet is stored as the next version of the county's tree of that name
/// (rounds already started keep the version they started with).
/// </summary>
public static class ImportTree
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 2000;
    public const string SamplePath = "/samples/evaluation-tree-sample.xlsx";

    /// <summary>Thrown with every problem of the sheet; the endpoint answers 400 naming the field <c>file</c>.</summary>
    public sealed class ImportFailed(IReadOnlyList<TreeImportError> errors) : Exception("指标体系文件有误")
    {
        public IReadOnlyList<TreeImportError> Errors { get; } = errors;

        public RequestValidationException ToValidation() =>
            new(new Dictionary<string, string[]> { ["file"] = Errors.Select(e => e.ToString()).ToArray() });
    }

    public static async Task<GetTrees.TreeListItem> Handle(AppDbContext db, ProfileCatalog profiles, AuditLog audit, TimeProvider clock, ClaimsPrincipal user,
        TreeImportInput input, string? fileName, Stream file, CancellationToken ct)
    {
        var scope = user.Scope();
        var county = string.IsNullOrWhiteSpace(input.CountyCode) ? (scope.Level == RegionLevel.County ? scope.RegionCode : null) : input.CountyCode.Trim();
        if (string.IsNullOrWhiteSpace(county))
        {
            throw RequestValidationException.For("countyCode", "请指定县（市、区）行政区划代码：指标体系按县保存");
        }
        if (county.Length != 6 || !scope.ContainsRegion(county))
        {
            throw new NotFoundException("地区不存在或不在您的权限范围内");
        }
        var keys = await db.Platforms.AsNoTracking().Where(p => p.Kind == PlatformKind.Station && p.RegionCode.StartsWith(county))
            .Select(p => p.ProfileKey).Distinct().ToListAsync(ct);
        if (keys.Count == 0)
        {
            throw new BusinessRuleException("该县（市、区）还没有社工站，无法确定适用的政策方案", "countyCode");
        }
        var profile = profiles.Find(keys.Order(StringComparer.Ordinal).First())!;
        var errors = new Errors();
        var name = string.IsNullOrWhiteSpace(input.Name) ? Path.GetFileNameWithoutExtension(fileName ?? "")?.Trim() : input.Name.Trim();
        if (string.IsNullOrWhiteSpace(name)) errors.Add("name", "请填写指标体系名称");
        else if (name.Length > 200) errors.Add("name", "名称不能超过200个字");
        var total = profile.Evaluation?.DefaultTree.Total ?? 100m;
        if (!string.IsNullOrWhiteSpace(input.Total))
        {
            if (!decimal.TryParse(input.Total.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out total) || total <= 0 || decimal.Round(total, 2) != total)
                errors.Add("total", "总分应为大于0的数，最多两位小数（如 100 或 1000）");
        }
        if (input.Source is { Length: > 500 }) errors.Add("source", "来源不能超过500个字");
        errors.ThrowIfAny();

        var rows = Read(file);
        var source = string.IsNullOrWhiteSpace(input.Source) ? $"县级民政部门导入（{Path.GetFileName(fileName ?? "Excel")}）" : input.Source.Trim();
        var (tree, problems) = IndicatorTreeImport.Build(name!, total, source, rows);
        if (tree is null)
        {
            throw new ImportFailed(problems);
        }
        var latest = await db.Set<EvaluationTree>().Where(t => t.CountyCode == county && t.Name == tree.Name).MaxAsync(t => (int?)t.TreeVersion, ct) ?? 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new EvaluationTree
        {
            CountyCode = county, ProfileKey = profile.Key, Name = tree.Name, TreeVersion = latest + 1, Total = tree.Total, Source = tree.Source,
            IndicatorsJson = EvaluationTree.Serialize(tree), IsDefault = false, CreatedBy = user.Identity?.Name ?? "", CreatedAt = now,
        };
        db.Add(row);
        audit.Add("import", nameof(EvaluationTree), row.Id.ToString(),
            $"导入评估指标体系 {row.Name} 第 {row.TreeVersion} 版，{tree.All().Count()} 个指标，总分 {tree.Total:0.##}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("同名指标体系刚被导入了新版本，请刷新后重试");
        }
        return new GetTrees.TreeListItem(row.Id, row.CountyCode, row.ProfileKey, row.Name, row.TreeVersion, row.Total, row.IsDefault, row.Source, row.CreatedAt, row.CreatedBy);
    }

    /// <summary>The first sheet's rows under its header; blank rows skipped; the Excel row numbers kept.</summary>
    private static List<TreeImportRow> Read(Stream file)
    {
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        List<IDictionary<string, object?>> raw;
        try
        {
            buffer.Position = 0;
            var sheet = buffer.GetSheetNames().FirstOrDefault() ?? throw new ImportFailed([new TreeImportError(0, "", "文件中没有工作表")]);
            buffer.Position = 0;
            raw = buffer.Query(useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().Take(MaxRows + 2).ToList();
        }
        catch (Exception ex) when (ex is not ImportFailed and not OperationCanceledException)
        {
            throw new ImportFailed([new TreeImportError(0, "", "无法读取文件，请上传 .xlsx 格式的 Excel 文件（可参照样例）")]);
        }
        if (raw.Count == 0)
        {
            throw new ImportFailed([new TreeImportError(1, "", "缺少表头行（编码、上级编码、名称、分值、评估方法、评估内容、数据关联）")]);
        }
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (letter, value) in raw[0])
        {
            var text = Cell(value);
            if (text is not null) header.TryAdd(text, letter);
        }
        var missing = new[] { IndicatorTreeImport.CCode, IndicatorTreeImport.CName, IndicatorTreeImport.CPoints }.Where(c => !header.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFailed(missing.Select(c => new TreeImportError(1, c, $"缺少“{c}”列（表头应为：{string.Join("、", IndicatorTreeImport.Columns)}）")).ToList());
        }
        if (raw.Count > MaxRows + 1)
        {
            throw new ImportFailed([new TreeImportError(0, "", $"一个指标体系最多{MaxRows}个指标")]);
        }
        string? Get(IDictionary<string, object?> r, string column) =>
            header.TryGetValue(column, out var letter) && r.TryGetValue(letter, out var v) ? Cell(v) : null;
        var rows = new List<TreeImportRow>();
        for (var i = 1; i < raw.Count; i++)
        {
            var r = raw[i];
            var row = new TreeImportRow(i + 1, Get(r, IndicatorTreeImport.CCode), Get(r, IndicatorTreeImport.CParent), Get(r, IndicatorTreeImport.CName),
                Get(r, IndicatorTreeImport.CPoints), Get(r, IndicatorTreeImport.CMethods), Get(r, IndicatorTreeImport.CLooksAt), Get(r, IndicatorTreeImport.CFact));
            if (row is { Code: null, ParentCode: null, Name: null, Points: null, Methods: null, LooksAt: null, Fact: null }) continue;
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A cell as trimmed text; numbers in invariant form (a code typed as 1.2 is read as "1.2"); blank as null.</summary>
    private static string? Cell(object? value)
    {
        var text = value switch
        {
            null => null,
            double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
            float f => ((decimal)f).ToString(CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
