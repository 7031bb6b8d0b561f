using Microsoft.AspNetCore.Mvc;

namespace SocialWorkStation.Web.Features.Shared;

/// <summary>Model-binding messages in Chinese, for the rare form value that cannot be read at all (text in a number field).</summary>
public static class ChineseBindingMessages
{
    public static void Apply(MvcOptions o)
    {
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”不是有效的值");
        m.SetMissingBindRequiredValueAccessor(_ => "请填写此项");
        m.SetMissingKeyOrValueAccessor(() => "请填写此项");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字");
        m.SetUnknownValueIsInvalidAccessor(_ => "填写的值无效");
        m.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值");
        m.SetValueMustBeANumberAccessor(_ => "请填写数字");
        m.SetValueMustNotBeNullAccessor(_ => "请填写此项");
    }
}
