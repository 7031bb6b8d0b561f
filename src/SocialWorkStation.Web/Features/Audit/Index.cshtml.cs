using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Audit;

/// <summary>The audit trail for the audit administrator: filters, paging, changes shown field by field.</summary>
[Authorize(Policy = Permissions.AuditRead)]
public sealed class IndexModel(AppDbContext db, AuditChainKey chain) : AppPageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true, Name = "op")] public string? ActionName { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Paged<AuditDto> Result { get; private set; } = new([], 0, 1, PageSize);

    public static readonly IReadOnlyList<(string Value, string Text)> Actions =
    [
        ("login", "登录"), ("loginFailed", "登录失败"), ("logout", "退出"), ("create", "新增"), ("update", "修改"),
        ("delete", "删除"), ("read", "查看"), ("reveal", "查看敏感信息"), ("export", "导出"), ("import", "导入"),
    ];

    public static readonly IReadOnlyList<(string Value, string Text)> EntityTypes =
    [
        ("Account", "账号（登录）"), ("AppUser", "账号"), ("IdentityUserRole`1", "账号角色"), ("Platform", "站点"),
        ("PlatformRoom", "功能室"), ("PlatformEquipment", "办公设备"), ("Organisation", "单位"), ("Region", "行政区划"),
    ];

    /// <summary>Chinese names of the recorded fields that people look at most.</summary>
    private static readonly Dictionary<string, string> FieldNames = new()
    {
        ["Name"] = "名称", ["Kind"] = "类型", ["RegionCode"] = "区划代码", ["ProfileKey"] = "政策方案", ["ParentId"] = "上级站点",
        ["ContractorId"] = "承接机构", ["Address"] = "地址", ["Phone"] = "电话", ["OpeningHours"] = "开放时间",
        ["FloorArea"] = "办公面积", ["HasFireSafetyEquipment"] = "消防设施", ["Version"] = "版本", ["Quantity"] = "数量",
        ["Area"] = "面积", ["UserName"] = "用户名", ["DisplayName"] = "姓名", ["PhoneNumber"] = "手机号码",
        ["ScopeRegionCode"] = "管辖区划", ["ScopeRegionLevel"] = "管辖层级", ["ScopeStationId"] = "所属站点",
        ["OrganisationId"] = "所在单位", ["IsDisabled"] = "已停用", ["LockoutEnd"] = "锁定至", ["AccessFailedCount"] = "密码错误次数",
        ["CreatedAt"] = "创建时间", ["RoleId"] = "角色", ["UserId"] = "账号", ["CreditCode"] = "统一社会信用代码", ["Contact"] = "联系人",
        ["PlatformId"] = "站点", ["Id"] = "编号",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (From is { } f && To is { } t && t < f)
        {
            ModelState.AddModelError(nameof(To), "结束日期不能早于开始日期");
            return;
        }
        Result = await BrowseAudit.Handle(db, new BrowseAudit.Query(UserName, ActionName, EntityType, null, From, To),
            new PageRequest(PageNumber is > 0 ? PageNumber.Value : 1, PageSize), ct);
    }

    /// <summary>The result of 校验日志完整性 (docs/security.md "Tamper-evident audit").</summary>
    public AuditChain.Verification? Verification { get; private set; }

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await AuditChain.VerifyAsync(db, chain, ct);
        await OnGetAsync(ct);
    }

    public static string ActionText(string action) => Actions.FirstOrDefault(a => a.Value == action).Text ?? action;

    public static string EntityText(string type) => EntityTypes.FirstOrDefault(e => e.Value == type).Text ?? type;

    /// <summary>Before and after as rows of field, old value, new value.</summary>
    public static IReadOnlyList<(string Field, string? Before, string? After)> Changes(AuditDto e)
    {
        var before = Parse(e.Before);
        var after = Parse(e.After);
        return before.Keys.Union(after.Keys)
            .Select(k => (FieldNames.GetValueOrDefault(k, k), before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind != JsonValueKind.Object
                ? new Dictionary<string, string?> { ["值"] = json }
                : doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Show(p.Value));
        }
        catch (JsonException)
        {
            return new Dictionary<string, string?> { ["值"] = json };
        }
    }

    private static string? Show(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        JsonValueKind.String when DateTime.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
            && v.GetString()!.Length >= 19 && v.GetString()![4] == '-' => Ui.DateTime(d),
        JsonValueKind.String => v.GetString(),
        _ => v.GetRawText(),
    };

    public PagerModel Pager => PagerModel.For(Result, "/Audit/Index", new Dictionary<string, string?>
    {
        ["userName"] = UserName, ["op"] = ActionName, ["entityType"] = EntityType,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    });
}
