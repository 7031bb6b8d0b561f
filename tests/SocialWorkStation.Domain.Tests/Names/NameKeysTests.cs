using SocialWorkStation.Domain.Names;

namespace SocialWorkStation.Domain.Tests.Names;

public sealed class NameKeysTests
{
    [Theory]
    [InlineData("zs")]
    [InlineData("zhangsan")]
    [InlineData("ZhangSan")]
    [InlineData("zhang san")]
    [InlineData("zhangs")]
    [InlineData("zhang")]
    [InlineData("z")]
    [InlineData("张")]
    [InlineData("张三")]
    public void Zhang_san_is_found_by_initials_full_pinyin_and_its_prefixes(string query)
    {
        Assert.True(NameKeys.Matches("张三", query));
    }

    [Theory]
    [InlineData("sz")]
    [InlineData("zhangsi")]
    [InlineData("zsa")]
    [InlineData("三")]
    [InlineData("zhangsanfeng")]
    public void Other_queries_do_not_find_zhang_san(string query)
    {
        Assert.False(NameKeys.Matches("张三", query));
    }

    [Fact]
    public void The_keys_of_zhang_san_are_zs_and_zhangsan()
    {
        var keys = NameKeys.For("张三");
        Assert.Equal(["zs"], keys.Initials);
        Assert.Equal(["zhangsan"], keys.Full);
    }

    [Theory]
    [InlineData("单小明", "shanxiaoming", "danxiaoming", "sxm", "dxm")]
    [InlineData("曾国藩", "zengguofan", "cengguofan", "zgf", "cgf")]
    [InlineData("解明", "xieming", "jieming", "xm", "jm")]
    public void A_surname_heteronym_is_found_by_every_reading_with_the_surname_reading_first(string name, string surnameFull, string otherFull, string surnameInitials, string otherInitials)
    {
        var keys = NameKeys.For(name);
        Assert.Equal(surnameFull, keys.Full[0]);
        Assert.Contains(otherFull, keys.Full);
        Assert.Equal(surnameInitials, keys.Initials[0]);
        Assert.Contains(otherInitials, keys.Initials);
    }

    [Fact]
    public void Lü_is_typed_with_v()
    {
        Assert.True(NameKeys.Matches("吕芳", "lvfang"));
        Assert.True(NameKeys.Matches("吕芳", "lf"));
    }

    [Fact]
    public void A_minority_name_with_a_middle_dot_ignores_the_dot()
    {
        Assert.True(NameKeys.Matches("阿依·买买提", "ayimaimaiti"));
        Assert.True(NameKeys.Matches("阿依·买买提", "aymmt"));
    }

    [Fact]
    public void A_name_full_of_heteronyms_keeps_at_most_the_cap_of_variants()
    {
        var keys = NameKeys.For("单长乐行重");
        Assert.True(keys.Full.Count <= NameKeys.MaxVariants);
        Assert.True(keys.Initials.Count <= NameKeys.MaxVariants);
        // Each single heteronym of the surname is still represented.
        Assert.Contains(keys.Full, k => k.StartsWith("dan", StringComparison.Ordinal));
        Assert.Contains(keys.Full, k => k.StartsWith("chan", StringComparison.Ordinal));
    }

    [Fact]
    public void A_query_that_is_not_pinyin_is_not_turned_into_a_key()
    {
        Assert.Null(NameKeys.PinyinQuery("1234"));
        Assert.Null(NameKeys.PinyinQuery("张s"));
        Assert.Equal("zhangsan", NameKeys.PinyinQuery(" Zhang'San "));
    }

    [Theory]
    [InlineData("zs", "zt")]
    [InlineData("z", "{")]
    [InlineData("张", "弡")]
    public void The_upper_bound_turns_a_prefix_into_an_index_range(string prefix, string bound)
    {
        Assert.Equal(bound, NameKeys.UpperBound(prefix));
        Assert.True(string.CompareOrdinal("zsz", NameKeys.UpperBound("zs")) < 0);
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张小三", "张*三")]
    [InlineData("欧阳小华", "欧**华")]
    [InlineData("李", "*")]
    [InlineData("", "")]
    public void Names_are_masked_keeping_the_first_and_last_character(string name, string masked)
    {
        Assert.Equal(masked, Masking.Name(name));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0898-86221234", "089******1234")]
    [InlineData("12345", "***45")]
    public void Phones_are_masked(string phone, string masked)
    {
        Assert.Equal(masked, Masking.Phone(phone));
    }
}
