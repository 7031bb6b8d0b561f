using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features;

/// <summary>Error pages in Chinese for browser requests (the API answers problem+json instead).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : AppPageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "";
    /// <summary>What the user can do next: only a server error needs the reassurance that nothing submitted was lost.</summary>
    public string Hint { get; private set; } = "";

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        var status = code ?? 500;
        // A record outside the user's scope answers 404 like a missing one (docs/security.md), so the page says both.
        (Title, Message, Hint) = status switch
        {
            404 => ("未找到", "您要找的页面或记录不存在，或不在您的管辖范围内", "请检查链接是否完整，或从首页和菜单进入。"),
            403 => ("无权访问", "您的账号没有使用这项功能的权限", "如工作需要，请联系安全管理员调整账号角色。"),
            400 => ("请求有误", "请求内容无法处理，请返回重试", "已保存的数据不受影响。"),
            _ => ("出错了", "服务器处理时出错，请稍后重试", "已提交的数据不会因此丢失。如问题持续，请联系系统管理员并告知时间。"),
        };
        Response.StatusCode = status is >= 400 and < 600 ? status : 500;
    }
}
