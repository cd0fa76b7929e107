namespace SocialCard.Core.Batches;

public enum BatchStatus
{
    /// <summary>填报中: the clerk edits it.</summary>
    Draft = 0,

    /// <summary>已申报: read-only for the clerk, waiting for the hall.</summary>
    Declared = 1,

    /// <summary>已退回: the hall sent it back with a reason; the clerk edits it again.</summary>
    Returned = 2,

    /// <summary>已受理: accepted by the hall.</summary>
    Accepted = 3,
}

public enum BatchAction
{
    Create = 0,
    Declare = 1,
    Withdraw = 2,
    Return = 3,
    Accept = 4,
}

public static class BatchStatusNames
{
    public static string ToChinese(this BatchStatus status) => status switch
    {
        BatchStatus.Draft => "填报中",
        BatchStatus.Declared => "已申报",
        BatchStatus.Returned => "已退回",
        BatchStatus.Accepted => "已受理",
        _ => status.ToString(),
    };

    public static string ToChinese(this BatchAction action) => action switch
    {
        BatchAction.Create => "新建",
        BatchAction.Declare => "申报",
        BatchAction.Withdraw => "撤销申报",
        BatchAction.Return => "退回",
        BatchAction.Accept => "受理",
        _ => action.ToString(),
    };
}
