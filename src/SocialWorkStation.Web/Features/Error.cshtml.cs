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

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        var status = code ?? 500;
        (Title, Message) = status switch
        {
            404 => ("未找到", "您要找的页面不存在"),
            403 => ("无权访问", "您的账号没有使用这项功能的权限"),
            400 => ("请求有误", "请求内容无法处理，请返回重试"),
            _ => ("出错了", "服务器处理时出错，请稍后重试"),
        };
        Response.StatusCode = status is >= 400 and < 600 ? status : 500;
    }
}
