using SocialWorkStation.Domain.Profiles;

namespace SocialWorkStation.Domain.Reports;

/// <summary>Checks a profile's report kinds when the profile is loaded; a bad kind stops start-up with the field named.</summary>
public static class ReportRulesValidation
{
    public static void Validate(string file, ReportRules? rules)
    {
        if (rules is null)
        {
            return;
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Kinds.Length; i++)
        {
            var k = rules.Kinds[i];
            var field = $"reports.kinds[{i}]";
            if (string.IsNullOrWhiteSpace(k.Key) || !keys.Add(k.Key))
            {
                throw new PolicyProfileException(file, field + ".key", "不能为空且不能重复");
            }
            if (string.IsNullOrWhiteSpace(k.Name) || k.Receivers.Length == 0 || k.Sections.Length == 0)
            {
                throw new PolicyProfileException(file, field, "名称、报送对象和章节不能为空");
            }
            if (string.IsNullOrWhiteSpace(k.Source))
            {
                throw new PolicyProfileException(file, field + ".source", "缺少出处（文件与条款）");
            }
            if (!k.Due.IsValid)
            {
                throw new PolicyProfileException(file, field + ".due", "应只给出 daysAfterPeriodEnd 或 fixedMonth/fixedDay 之一，调整范围应含0");
            }
        }
    }
}
