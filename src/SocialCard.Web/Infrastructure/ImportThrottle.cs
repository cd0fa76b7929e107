using SocialCard.Web.Rosters;

namespace SocialCard.Web.Infrastructure;

/// <summary>
/// Bounds the roster imports and bulk photo imports this instance runs at once (<c>Rosters:MaxConcurrentImports</c>):
/// a 100,000-row roster costs about 450 MB while it is read, checked and merged, so unbounded concurrent uploads
/// exhaust the memory. An upload waits at most <c>Rosters:ImportQueueSeconds</c> for a slot; then it is refused
/// with <see cref="BusyMessage"/> and changes nothing. The upload entry points (pages and API) take the slot.
/// </summary>
public sealed class ImportThrottle : IDisposable
{
    public const string BusyMessage = "系统正在处理其他上传，请 1 分钟后重试。批次未作任何改动。";

    /// <summary>When a refused upload should try again (the Retry-After of the API's 503).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _queueWait;

    public ImportThrottle(RosterSettings settings)
    {
        _slots = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrentImports));
        _queueWait = TimeSpan.FromSeconds(Math.Max(0, settings.ImportQueueSeconds));
    }

    /// <summary>A slot, to dispose when the import is done; null when none freed up within the queue wait.</summary>
    public async Task<IDisposable?> TryEnterAsync(CancellationToken ct)
    {
        return await _slots.WaitAsync(_queueWait, ct) ? new Slot(_slots) : null;
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
