using SocialWorkStation.Domain.Recipients;

namespace SocialWorkStation.Domain.Tests.Recipients;

/// <summary>PIPL art. 31: under 14, a guardian consents; the 14th birthday itself is no longer "under 14".</summary>
public sealed class ConsentRulesTests
{
    private static readonly DateOnly Birth = new(2012, 11, 25);

    [Fact]
    public void The_day_before_the_14th_birthday_a_childs_own_consent_is_not_enough()
    {
        var errors = ConsentRules.Check(Birth, new DateOnly(2026, 11, 24), new ConsentFacts(true, new DateOnly(2026, 11, 1), ConsentGiver.Self, false, null));
        Assert.Contains(errors, e => e.Field == "consent.by");
    }

    [Fact]
    public void On_the_14th_birthday_the_recipient_consents_alone()
    {
        var errors = ConsentRules.Check(Birth, new DateOnly(2026, 11, 25), new ConsentFacts(true, new DateOnly(2026, 11, 25), ConsentGiver.Self, true, null));
        Assert.Empty(errors);
    }

    [Fact]
    public void A_guardians_consent_names_the_guardian()
    {
        var errors = ConsentRules.Check(Birth, new DateOnly(2026, 1, 1), new ConsentFacts(true, new DateOnly(2026, 1, 1), ConsentGiver.Guardian, true, " "));
        Assert.Contains(errors, e => e.Field == "consent.guardianName");
        Assert.Empty(ConsentRules.Check(Birth, new DateOnly(2026, 1, 1), new ConsentFacts(true, new DateOnly(2026, 1, 1), ConsentGiver.Guardian, true, "王五")));
    }

    [Fact]
    public void Separate_consent_for_sensitive_data_needs_the_general_consent()
    {
        var errors = ConsentRules.Check(new DateOnly(1950, 1, 1), new DateOnly(2026, 1, 1), new ConsentFacts(false, null, null, true, null));
        Assert.Contains(errors, e => e.Field == "consent.sensitive");
    }

    [Fact]
    public void A_consent_dated_tomorrow_is_refused_and_today_is_accepted()
    {
        var today = new DateOnly(2026, 1, 1);
        Assert.Contains(ConsentRules.Check(new DateOnly(1950, 1, 1), today, new ConsentFacts(true, today.AddDays(1), ConsentGiver.Self, false, null)), e => e.Field == "consent.on");
        Assert.Empty(ConsentRules.Check(new DateOnly(1950, 1, 1), today, new ConsentFacts(true, today, ConsentGiver.Self, false, null)));
    }

    [Fact]
    public void Categories_round_trip_through_the_mask_and_chinese_labels()
    {
        var mask = RecipientCategories.ToMask([RecipientCategory.Dibao, RecipientCategory.Other]);
        Assert.Equal([RecipientCategory.Dibao, RecipientCategory.Other], RecipientCategories.FromMask(mask));
        Assert.Equal(RecipientCategory.TekunDispersed, RecipientCategories.FromText("特困分散供养"));
        Assert.Equal(RecipientCategory.Dibao, RecipientCategories.FromText("低保"));
        Assert.Equal(RecipientCategory.DibaoEdge, RecipientCategories.FromText("dibaoEdge"));
        Assert.Null(RecipientCategories.FromText("不存在"));
        // 孤寡老人 (Qiongzhong（二）第1项), the newest category, takes the next bit and reads from a roster as written.
        Assert.Equal(RecipientCategory.ElderlyChildlessWidowed, RecipientCategories.FromText("孤寡老人"));
        Assert.Equal(RecipientCategory.ElderlyChildlessWidowed, RecipientCategories.FromApi("elderlyChildlessWidowed"));
        var both = RecipientCategories.ToMask([RecipientCategory.Other, RecipientCategory.ElderlyChildlessWidowed]);
        Assert.Equal(3L << 19, both);
        Assert.Equal(2, RecipientCategories.FromMask(both).Count);
    }
}
