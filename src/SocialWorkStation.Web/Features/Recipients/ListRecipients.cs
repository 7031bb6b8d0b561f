using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Recipients;

/// <summary>
/// The search a social worker uses, inside the caller's scope, filtered and paged in SQL. <c>q</c> is
/// read as: 18 characters of an ID number (exact keyed hash), 4 digits (keyed hash of the ID's last four),
/// latin letters (prefix of the pinyin initials or full pinyin: zs, zhangsan, zhangs), or Chinese
/// (prefix of the name). Every form is an index look-up or range scan, never a scan of the table.
/// </summary>
public static class ListRecipients
{
    public sealed record Query(
        string? Q = null, string? VillageCode = null, string? Category = null, string? RiskLevel = null, Guid? WorkerId = null,
        string? Status = null, Guid? StationId = null, bool? Duplicates = null);

    public static async Task<Paged<RecipientListItem>> Handle(AppDbContext db, RecipientProtector protector, TimeProvider clock, UserScope scope, Query query, PageRequest page, CancellationToken ct)
    {
        var q = Filter(db, protector, scope, query);
        // A pinyin search lists exact matches first (zs: 张三 before 张三丰). Ordering by name alone would
        // also let PostgreSQL walk the whole name index looking for the first twenty matches of a rare key.
        var pinyin = NameKeys.PinyinQuery(query.Q);
        var ordered = pinyin is null
            ? q.OrderBy(r => r.Name)
            : q.OrderBy(r => r.NameKeys.Any(k => k.Key == pinyin) ? 0 : 1).ThenBy(r => r.Name);
        var result = await ordered.ThenBy(r => r.Id)
            .Select(r => new
            {
                Recipient = r,
                StationName = r.Station!.Name,
                Duplicate = db.Recipients.Any(o => o.IdNumberHash == r.IdNumberHash && o.StationId != r.StationId),
            })
            .ToPageAsync(page, ct);
        var codes = result.Items.Select(i => i.Recipient.VillageCode).OfType<string>().Distinct().ToList();
        var villages = await db.Regions.AsNoTracking().Where(x => codes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, ct);
        var today = ChinaTime.Today(clock);
        return new Paged<RecipientListItem>(result.Items.Select(i =>
        {
            var r = i.Recipient;
            return new RecipientListItem(r.Id, r.StationId, i.StationName, Masking.Name(r.Name), Masking.IdNumber(RecipientMapper.IdNumber(r, protector)),
                RecipientNames.Api(r.Sex), IdNumber.AgeOn(RecipientMapper.BirthDate(r, protector), today), r.VillageCode,
                r.VillageCode is null ? null : villages.GetValueOrDefault(r.VillageCode), RecipientMapper.Categories(r.CategoryMask),
                RecipientNames.Api(r.RiskLevel), r.WorkerId, RecipientNames.Api(r.Status), i.Duplicate);
        }).ToList(), result.Total, result.Page, result.PageSize);
    }

    /// <summary>The filtered recipients, for the list and the export alike.</summary>
    public static IQueryable<Recipient> Filter(AppDbContext db, RecipientProtector protector, UserScope scope, Query query)
    {
        var q = db.Recipients.AsNoTracking().VisibleTo(db, scope);
        var errors = new Errors();
        var text = query.Q?.Trim() ?? "";
        if (text.Length > 0)
        {
            var upper = text.ToUpperInvariant();
            if (upper.Length == 18 && upper[..17].All(char.IsAsciiDigit) && (char.IsAsciiDigit(upper[17]) || upper[17] == 'X'))
            {
                var hash = protector.IdHash(upper);
                q = q.Where(r => r.IdNumberHash == hash);
            }
            else if (upper.Length == 4 && upper[..3].All(char.IsAsciiDigit) && (char.IsAsciiDigit(upper[3]) || upper[3] == 'X'))
            {
                var hash = protector.TailHash(upper);
                q = q.Where(r => r.IdTailHash == hash);
            }
            else if (upper.Any(char.IsAsciiDigit))
            {
                errors.Add("q", "按身份证号码查找时，请输入号码的后4位或完整的18位");
            }
            else if (NameKeys.PinyinQuery(text) is { } pinyin)
            {
                var high = NameKeys.UpperBound(pinyin);
                var keys = db.RecipientNameKeys.Where(k => string.Compare(k.Key, pinyin) >= 0 && string.Compare(k.Key, high) < 0);
                if (scope.Kind != ScopeKind.Platform)
                {
                    var visible = db.Platforms.VisibleTo(scope).Select(p => p.Id);
                    keys = keys.Where(k => visible.Contains(k.StationId));
                }
                var ids = keys.Select(k => k.RecipientId);
                q = q.Where(r => ids.Contains(r.Id));
            }
            else
            {
                var high = NameKeys.UpperBound(text);
                q = q.Where(r => string.Compare(r.Name, text) >= 0 && string.Compare(r.Name, high) < 0);
            }
        }
        if (!string.IsNullOrWhiteSpace(query.VillageCode))
        {
            var code = query.VillageCode.Trim();
            if (!code.All(char.IsAsciiDigit) || code.Length > 12)
            {
                errors.Add("villageCode", "村（社区）代码应为数字，最多12位");
            }
            else
            {
                var high = NameKeys.UpperBound(code);
                q = q.Where(r => string.Compare(r.VillageCode, code) >= 0 && string.Compare(r.VillageCode, high) < 0);
            }
        }
        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            if (RecipientCategories.FromApi(query.Category) is { } c)
            {
                var bit = 1L << (int)c;
                q = q.Where(r => (r.CategoryMask & bit) != 0);
            }
            else
            {
                errors.Add("category", "对象类别不存在");
            }
        }
        if (!string.IsNullOrWhiteSpace(query.RiskLevel))
        {
            if (RecipientNames.Parse<RiskLevel>(query.RiskLevel) is { } risk)
            {
                q = q.Where(r => r.RiskLevel == risk);
            }
            else
            {
                errors.Add("riskLevel", "风险等级应为 none、low、medium 或 high");
            }
        }
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (RecipientNames.Parse<RecipientStatus>(query.Status) is { } status)
            {
                q = q.Where(r => r.Status == status);
            }
            else
            {
                errors.Add("status", "状态应为 active、moved、deceased 或 archived");
            }
        }
        if (query.WorkerId is { } worker)
        {
            q = q.Where(r => r.WorkerId == worker);
        }
        if (query.StationId is { } station)
        {
            q = q.Where(r => r.StationId == station);
        }
        if (query.Duplicates == true)
        {
            q = q.Where(r => db.Recipients.Any(o => o.IdNumberHash == r.IdNumberHash && o.StationId != r.StationId));
        }
        errors.ThrowIfAny();
        return q;
    }
}
