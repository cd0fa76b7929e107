using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SocialCard.Web.Infrastructure;

/// <summary>
/// What an unhandled exception means for the person who made the request: the status code the error page
/// and the API answer with, and the Chinese text for the statuses that are not plain failures.
/// </summary>
public static class PortalErrors
{
    public const string ConflictMessage = "此记录刚被他人修改过，您的修改未保存。请刷新页面核对后再试。";

    public const string OutageMessage = "数据库暂时无法访问，您的数据没有丢失，这次操作未能完成。请稍后重试；如持续出现，请联系信息中心。";

    /// <summary>How long a client should wait after an outage before trying again (Retry-After).</summary>
    public static readonly TimeSpan OutageRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>409 for a concurrent change, 503 when the database cannot be reached, the status of a bad request, else 500.</summary>
    public static int StatusCodeOf(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        _ when IsDatabaseOutage(exception) => StatusCodes.Status503ServiceUnavailable,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// The database is unreachable or unusable for now (connection refused or cut, timeout, the SQLite file cannot
    /// be opened, is busy or the disk fails), as opposed to a failing statement, which is a bug (500).
    /// </summary>
    public static bool IsDatabaseOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException or TimeoutException:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteIoError or SqliteFull or SqliteCannotOpen }:
                case DbException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;
}
