namespace SocialWorkStation.Domain.Agreements;

/// <summary>
/// Hand-over of a station between contractors (交接, issue 10; domain.md §10: it takes effect at 00:00 China time on the
/// hand-over day). Pure: the caller supplies today's China date and the outgoing agreement's start.
/// </summary>
public static class HandoverRules
{
    /// <summary>
    /// The first problem with a hand-over, as (field, message), or null when it may go ahead: a station without a
    /// contractor, the same organisation, a day after today (the platform records a hand-over on or after its day), a day
    /// before the outgoing agreement's term starts.
    /// </summary>
    public static (string Field, string Message)? Problem(Guid? outgoing, Guid incoming, DateOnly day, DateOnly today, DateOnly? outgoingAgreementStart)
    {
        if (outgoing is null)
        {
            return ("incomingOrganisationId", "该站点尚无承接机构，无需交接：请在站点信息中指定承接机构");
        }
        if (outgoing == incoming)
        {
            return ("incomingOrganisationId", "接收方与移交方是同一承接机构，无需交接");
        }
        if (day > today)
        {
            return ("handoverDay", $"交接于交接日0时（北京时间）生效，交接日 {day:yyyy-MM-dd} 尚未到来：请在交接日当天或之后办理");
        }
        if (outgoingAgreementStart is { } start && day < start)
        {
            return ("handoverDay", $"交接日不能早于移交方服务协议的服务期限开始日期 {start:yyyy-MM-dd}");
        }
        return null;
    }
}
