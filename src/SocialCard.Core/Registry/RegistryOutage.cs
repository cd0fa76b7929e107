using SocialCard.Core.Common;

namespace SocialCard.Core.Registry;

/// <summary>
/// The one way a registry outage reaches users: a <see cref="ResultKind.Unavailable"/> result whose message names
/// what happened (timeout or unreachable), what was kept or not done, and that trying later is safe.
/// </summary>
public static class RegistryOutage
{
    public static string Reason(RegistryFailure? failure) =>
        failure?.Kind == RegistryFailureKind.Timeout ? "身份信息库响应超时" : "身份信息库暂时无法访问";

    /// <param name="consequence">What the outage left undone, e.g. "申领表未打印。请稍后再试。"</param>
    public static Result Refusal(RegistryFailure? failure, string consequence) =>
        Result.Unavailable($"{Reason(failure)}，{consequence}");
}
