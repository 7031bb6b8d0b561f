using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>One problem in an import file: sheet, Excel row number (the header is row 1), column, message.</summary>
public sealed record ImportError(string Sheet, int Row, string Column, string Message);

public sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports workers into one station from the platform's Excel template (three sheets: 社工, 证书, 培训). Every row
/// is checked first with the same rules as the API; if any row is wrong nothing is saved and every error is
/// returned by sheet, row and column. A file without errors is saved in one SaveChanges, that is one transaction.
/// </summary>
public static class ImportWorkers
{
    public const string WorkersSheet = "社工";
    public const string CertificatesSheet = "证书";
    public const string TrainingsSheet = "培训";
    public const string HelpSheet = "填写说明";
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 2000;

    private const string CName = "姓名", CId = "身份证号码", CRole = "岗位", CEducation = "学历", CMajor = "所学专业", CCategory = "专业类别",
        CHire = "入职日期", CLeft = "离职日期", CPractice = "实务起始日期", CHukou = "本地户籍", CGraduate = "省内应届毕业生",
        CIntern = "实训基地实习", CVillages = "定点联系村（社区）";
    private const string CKind = "证书类别", CObtained = "取得日期", CRegistered = "已登记";
    private const string CDate = "培训日期", CHours = "学时", CProvider = "培训机构", CTopic = "培训主题", CProfessional = "社会工作专业培训";

    private static readonly string[] WorkerColumns = [CName, CId, CRole, CEducation, CMajor, CCategory, CHire, CLeft, CPractice, CHukou, CGraduate, CIntern, CVillages];
    private static readonly string[] CertificateColumns = [CId, CKind, CObtained, CRegistered];
    private static readonly string[] TrainingColumns = [CId, CDate, CHours, CProvider, CTopic, CProfessional];

    /// <summary>The template: header rows only, plus a sheet that explains every column with examples.</summary>
    public static byte[] Template()
    {
        static DataTable Headers(string name, string[] columns)
        {
            var t = new DataTable(name);
            foreach (var c in columns) t.Columns.Add(c, typeof(string));
            return t;
        }
        var help = new List<Dictionary<string, object?>>
        {
            Help(WorkerColumns[0], WorkersSheet, "必填，不超过50个字", "符社工"),
            Help(CId, WorkersSheet + "、" + CertificatesSheet + "、" + TrainingsSheet, "必填，18位；请将该列设为“文本”格式，或在号码前加英文单引号'，否则Excel会丢失末几位", "469030199001011234"),
            Help(CRole, WorkersSheet, "必填：站长 或 社工", "社工"),
            Help(CEducation, WorkersSheet, "必填：高中（中专及以下填“高中”）、大专、本科、硕士、博士", "本科"),
            Help(CMajor, WorkersSheet, "选填，不超过100个字", "社会工作"),
            Help(CCategory, WorkersSheet, "必填：社会工作、相关专业（社会学、社会政策、民政管理、社区管理、社会保障等）或 其他", "社会工作"),
            Help(CHire, WorkersSheet, "必填，格式 2026-03-01", "2024-03-01"),
            Help(CLeft, WorkersSheet, "选填，已离职的填写离职日期（当日起不再计入在岗人数）", ""),
            Help(CPractice, WorkersSheet, "选填，开始从事社会工作实务的日期（神木：站长须2年以上实务经验）", "2020-07-01"),
            Help(CHukou + "、" + CGraduate + "、" + CIntern, WorkersSheet, "选填：是 或 否（空白为否），同等条件下优先录用的依据", "是"),
            Help(CVillages, WorkersSheet, "选填，本站所在乡镇（街道）的村（社区）名称或12位代码，多个用顿号、逗号分隔（温州：每个村（社区）须有定点联系社工）", "营东社区居委会、营南社区居委会"),
            Help(CKind, CertificatesSheet, "每行一本证书，身份证号码须已在“社工”表中。类别：助理社会工作师、社会工作师、高级社会工作师、社会工作员", "助理社会工作师"),
            Help(CObtained + "、" + CRegistered, CertificatesSheet, "取得日期必填（格式 2026-03-01）；已登记：是 或 否（按民发〔2009〕44号登记注册）", "2022-06-30、是"),
            Help(CDate + "、" + CHours, TrainingsSheet, "每行一次培训。日期必填；学时必填，大于0，最多1位小数", "2025-05-20、16"),
            Help(CProvider + "、" + CTopic, TrainingsSheet, "选填，各不超过100个字", "琼中县民政局、个案工作实务"),
            Help(CProfessional, TrainingsSheet, "是：县级以上民政部门、社会组织孵化基地、社会工作行业组织集中开展的社会工作专业培训（计入120小时）；否：其他培训（只计入年度培训学时）", "是"),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            [WorkersSheet] = Headers(WorkersSheet, WorkerColumns),
            [CertificatesSheet] = Headers(CertificatesSheet, CertificateColumns),
            [TrainingsSheet] = Headers(TrainingsSheet, TrainingColumns),
            [HelpSheet] = help,
        });
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Help(string column, string sheet, string rule, string example) =>
        new() { ["列"] = column, ["工作表"] = sheet, ["填写要求"] = rule, ["示例"] = example };

    private sealed record WorkerRow(int Row, Dictionary<string, string?> Cells)
    {
        public List<(int Row, CertificateInput Input)> Certificates { get; } = [];
        public List<(int Row, TrainingInput Input)> Trainings { get; } = [];
    }

    public static async Task<ImportResult> Handle(AppDbContext db, AuditLog audit, TimeProvider clock, UserScope scope, Guid? stationId, Stream file, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var today = ChinaTime.Today(clock);
        var ctx = await GetWorker.Context(db, scope, stationId, today, ct);
        if (ctx.Station is null)
        {
            return new ImportResult(0, [new ImportError("", 0, "", stationId is null ? "请选择要导入到的站点" : "站点不存在或不在您的权限范围内")]);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        List<string> sheets;
        try
        {
            sheets = buffer.GetSheetNames();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or NotSupportedException)
        {
            return new ImportResult(0, [new ImportError("", 0, "", "无法读取文件，请上传平台模板格式的 .xlsx 文件")]);
        }
        if (!sheets.Contains(WorkersSheet))
        {
            return new ImportResult(0, [new ImportError(WorkersSheet, 0, "", $"文件中没有“{WorkersSheet}”工作表，请下载并使用平台提供的模板")]);
        }

        var workerRows = Read(buffer, WorkersSheet, WorkerColumns, required: true, errors);
        var certificateRows = sheets.Contains(CertificatesSheet) ? Read(buffer, CertificatesSheet, CertificateColumns, required: false, errors) : [];
        var trainingRows = sheets.Contains(TrainingsSheet) ? Read(buffer, TrainingsSheet, TrainingColumns, required: false, errors) : [];
        if (workerRows is null || certificateRows is null || trainingRows is null)
        {
            // A sheet without its header cannot be read row by row: report the structure first.
            return new ImportResult(0, errors);
        }
        if (workerRows.Count == 0)
        {
            return new ImportResult(0, [new ImportError(WorkersSheet, 0, "", "“社工”工作表中没有数据")]);
        }
        if (workerRows.Count + certificateRows.Count + trainingRows.Count > MaxRows)
        {
            return new ImportResult(0, [new ImportError("", 0, "", $"一次最多导入{MaxRows}行，请分批导入")]);
        }

        // Certificates and trainings join their worker by ID number.
        var byId = new Dictionary<string, WorkerRow>(StringComparer.Ordinal);
        var workers = new List<WorkerRow>();
        foreach (var (row, cells) in workerRows)
        {
            var w = new WorkerRow(row, cells);
            workers.Add(w);
            var key = NormalizeId(cells[CId]);
            if (key.Length == 0) continue;
            if (byId.TryGetValue(key, out var first))
            {
                errors.Add(new ImportError(WorkersSheet, row, CId, $"与第{first.Row}行的身份证号码重复"));
            }
            else
            {
                byId[key] = w;
            }
        }
        foreach (var (row, cells) in certificateRows)
        {
            if (!Owner(byId, CertificatesSheet, row, cells, errors, out var owner)) continue;
            owner.Certificates.Add((row, new CertificateInput(CertificateKindOf(cells[CKind]), null, cells[CObtained], YesNo(cells[CRegistered], CertificatesSheet, row, CRegistered, errors))));
        }
        foreach (var (row, cells) in trainingRows)
        {
            if (!Owner(byId, TrainingsSheet, row, cells, errors, out var owner)) continue;
            decimal? hours = null;
            if (!string.IsNullOrWhiteSpace(cells[CHours]))
            {
                if (decimal.TryParse(cells[CHours], NumberStyles.Number, CultureInfo.InvariantCulture, out var h)) hours = h;
                else errors.Add(new ImportError(TrainingsSheet, row, CHours, "学时应为数字，如 16 或 7.5"));
            }
            owner.Trainings.Add((row, new TrainingInput(cells[CDate], hours, cells[CProvider], cells[CTopic], YesNo(cells[CProfessional], TrainingsSheet, row, CProfessional, errors))));
        }

        var valid = new List<(WorkerRow Row, ValidWorker Worker)>();
        foreach (var w in workers)
        {
            var c = w.Cells;
            var input = new WorkerInput(
                ctx.Station.Id, c[CName], NormalizeId(c[CId]), RoleOf(c[CRole]), EducationOf(c[CEducation]), c[CMajor], CategoryOf(c[CCategory]),
                c[CHire], c[CLeft], c[CPractice],
                YesNo(c[CHukou], WorkersSheet, w.Row, CHukou, errors), YesNo(c[CGraduate], WorkersSheet, w.Row, CGraduate, errors), YesNo(c[CIntern], WorkersSheet, w.Row, CIntern, errors),
                w.Certificates.Select(x => x.Input).ToList(), w.Trainings.Select(x => x.Input).ToList(),
                SplitList(c[CVillages]));
            var fieldErrors = new FieldErrors();
            var v = WorkerValidation.Validate(input, ctx, fieldErrors);
            foreach (var (field, message) in fieldErrors.Items)
            {
                errors.Add(Locate(w, field, message));
            }
            if (v is not null) valid.Add((w, v));
        }

        // One query for every ID number of the file already registered as at work.
        var protector = db.Protector();
        var ids = valid.Select(v => Worker.HashOf(protector, v.Worker.IdNumber)).ToList();
        var taken = ids.Count == 0 ? [] : await db.Workers.AsNoTracking()
            .Where(x => x.IdNumberHash != null && ids.Contains(x.IdNumberHash) && (x.LeftOn == null || x.LeftOn > today))
            .Select(x => x.IdNumberHash!).ToListAsync(ct);
        foreach (var (row, v) in valid.Where(v => taken.Contains(Worker.HashOf(protector, v.Worker.IdNumber))))
        {
            errors.Add(new ImportError(WorkersSheet, row.Row, CId, "该身份证号码已登记为在岗人员，请勿重复导入"));
        }

        if (errors.Count > 0)
        {
            return new ImportResult(0, errors.OrderBy(e => Array.IndexOf([WorkersSheet, CertificatesSheet, TrainingsSheet], e.Sheet)).ThenBy(e => e.Row).ToList());
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (_, v) in valid)
        {
            var w = new Worker { CreatedAt = now };
            v.ApplyTo(w);
            db.Workers.Add(w);
        }
        audit.Add("import", nameof(Worker), ctx.Station.Id.ToString(), $"从Excel导入{valid.Count}名人员到{ctx.Station.Name}");
        await db.SaveChangesAsync(ct);
        return new ImportResult(valid.Count, []);
    }

    private static bool Owner(Dictionary<string, WorkerRow> byId, string sheet, int row, Dictionary<string, string?> cells, List<ImportError> errors, out WorkerRow owner)
    {
        var key = NormalizeId(cells[CId]);
        if (key.Length == 0)
        {
            errors.Add(new ImportError(sheet, row, CId, "请填写身份证号码"));
            owner = null!;
            return false;
        }
        if (!byId.TryGetValue(key, out owner!))
        {
            errors.Add(new ImportError(sheet, row, CId, $"该身份证号码不在“{WorkersSheet}”工作表中"));
            return false;
        }
        return true;
    }

    private static ImportError Locate(WorkerRow w, string field, string message)
    {
        var dot = field.IndexOf('.');
        var bracket = field.IndexOf('[');
        if (bracket > 0 && dot > bracket && field.StartsWith("certificates", StringComparison.Ordinal))
        {
            var i = int.Parse(field[(bracket + 1)..field.IndexOf(']')], CultureInfo.InvariantCulture);
            var column = field[(dot + 1)..] switch { "kind" or "level" => CKind, "obtainedOn" => CObtained, _ => CRegistered };
            return new ImportError(CertificatesSheet, w.Certificates[i].Row, column, message);
        }
        if (bracket > 0 && dot > bracket && field.StartsWith("trainings", StringComparison.Ordinal))
        {
            var i = int.Parse(field[(bracket + 1)..field.IndexOf(']')], CultureInfo.InvariantCulture);
            var column = field[(dot + 1)..] switch { "date" => CDate, "hours" => CHours, "provider" => CProvider, "topic" => CTopic, _ => CProfessional };
            return new ImportError(TrainingsSheet, w.Trainings[i].Row, column, message);
        }
        var name = (bracket > 0 ? field[..bracket] : field) switch
        {
            "name" => CName, "idNumber" => CId, "role" => CRole, "education" => CEducation, "major" => CMajor, "majorCategory" => CCategory,
            "hireDate" => CHire, "leftOn" => CLeft, "practiceStartedOn" => CPractice, "contactVillages" => CVillages, _ => "",
        };
        return new ImportError(WorkersSheet, w.Row, name, message);
    }

    /// <summary>The non-empty rows of a sheet with their Excel row numbers, every cell as text; null when the header is wrong.</summary>
    private static List<(int Row, Dictionary<string, string?> Cells)>? Read(MemoryStream buffer, string sheet, string[] columns, bool required, List<ImportError> errors)
    {
        buffer.Position = 0;
        var rows = new List<(int, Dictionary<string, string?>)>();
        // Without a header row the keys are the column letters, and every row keeps its place: row n is Excel row n.
        var raw = buffer.Query(useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
        if (raw.Count == 0)
        {
            if (!required) return rows;
            errors.Add(new ImportError(sheet, 1, "", "缺少表头行，请使用平台提供的模板"));
            return null;
        }
        var header = raw[0].Where(kv => kv.Value is not null && kv.Value.ToString()!.Trim().Length > 0)
            .ToDictionary(kv => kv.Value!.ToString()!.Trim(), kv => kv.Key);
        var missing = columns.Where(c => !header.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(sheet, 1, string.Join("、", missing), "缺少列：" + string.Join("、", missing) + "（请使用平台提供的模板，不要修改表头）"));
            return null;
        }
        for (var i = 1; i < raw.Count; i++)
        {
            var row = i + 1;
            var cells = new Dictionary<string, string?>();
            foreach (var c in columns)
            {
                cells[c] = Text(raw[i].TryGetValue(header[c], out var v) ? v : null, c, sheet, row, errors);
            }
            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            rows.Add((row, cells));
        }
        return rows;
    }

    private static readonly HashSet<string> DateColumns = [CHire, CLeft, CPractice, CObtained, CDate];

    /// <summary>A cell as text: dates as YYYY-MM-DD whether Excel stored them as dates, numbers or text.</summary>
    private static string? Text(object? value, string column, string sheet, int row, List<ImportError> errors)
    {
        switch (value)
        {
            case null:
                return null;
            case DateTime dt:
                return DateColumns.Contains(column) ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString(CultureInfo.InvariantCulture);
            case double or decimal or int or long or float:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (column == CId)
                {
                    errors.Add(new ImportError(sheet, row, column, "身份证号码被Excel存成了数字，末几位已丢失：请把该列设为“文本”格式后重新填写"));
                    return null;
                }
                if (DateColumns.Contains(column) && number is > 1 and < 2958466)
                {
                    return DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
                return Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            case bool b:
                return b ? "是" : "否";
            default:
                var s = value.ToString()?.Trim();
                if (string.IsNullOrEmpty(s)) return null;
                if (DateColumns.Contains(column) && TryChineseDate(s, out var d)) return d;
                return s;
        }
    }

    private static bool TryChineseDate(string s, out string iso)
    {
        string[] formats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];
        if (DateOnly.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            iso = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return true;
        }
        iso = s;
        return false;
    }

    private static string NormalizeId(string? s) => (s ?? "").Trim().TrimStart('\'').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static bool? YesNo(string? s, string sheet, int row, string column, List<ImportError> errors)
    {
        switch (s?.Trim())
        {
            case null or "": return null;
            case "是" or "Y" or "y" or "1" or "true" or "TRUE" or "True": return true;
            case "否" or "N" or "n" or "0" or "false" or "FALSE" or "False": return false;
            default:
                errors.Add(new ImportError(sheet, row, column, "请填写“是”或“否”"));
                return null;
        }
    }

    private static string? RoleOf(string? s) => s?.Trim() switch
    {
        "站长" or "head" => "head",
        "社工" or "驻站社工" or "worker" => "worker",
        var other => other,
    };

    private static string? EducationOf(string? s) => s?.Trim() switch
    {
        "高中" or "中专" or "高中（中专）及以下" or "初中" or "highSchool" => "highSchool",
        "大专" or "专科" or "juniorCollege" => "juniorCollege",
        "本科" or "bachelor" => "bachelor",
        "硕士" or "硕士研究生" or "master" => "master",
        "博士" or "博士研究生" or "doctor" => "doctor",
        var other => other,
    };

    private static string? CategoryOf(string? s) => s?.Trim() switch
    {
        "社会工作" or "社会工作专业" or "socialWork" => "socialWork",
        "相关专业" or "社会工作相关专业" or "related" => "related",
        "其他" or "其他专业" or "other" => "other",
        var other => other,
    };

    private static string? CertificateKindOf(string? s) => s?.Trim() switch
    {
        "助理社会工作师" or "初级" or "nationalAssistant" => "nationalAssistant",
        "社会工作师" or "中级" or "national" => "national",
        "高级社会工作师" or "高级" or "nationalSenior" => "nationalSenior",
        "社会工作员" or "地方社会工作员" or "localWorker" => "localWorker",
        var other => other,
    };

    private static List<string> SplitList(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Split(['、', ',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
