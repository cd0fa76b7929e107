namespace SocialCard.Web.Infrastructure;

/// <summary>Chinese labels for the audit actions the portal records (the stored codes stay English and stable).</summary>
public static class AuditActionNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["CreateBatch"] = "新建批次",
        ["DeclareBatch"] = "申报批次",
        ["WithdrawBatch"] = "撤销申报",
        ["AddPerson"] = "录入人员",
        ["UpdatePerson"] = "修改人员",
        ["DeletePerson"] = "删除人员",
        ["CreateUnit"] = "新增单位",
        ["UpdateUnitProfile"] = "修改单位信息",
        ["CreateHall"] = "新增采集点",
        ["CreateAccount"] = "新建账号",
        ["ResetPassword"] = "重置密码",
        ["ChangePassword"] = "修改密码",
        ["UploadRoster"] = "上传花名册",
        ["UploadRosterRefused"] = "上传花名册（未导入）",
        ["DownloadTemplate"] = "下载模板",
        ["DownloadAnnotated"] = "下载错误标注",
        ["DownloadBatchRoster"] = "下载批次花名册",
        ["ResolveRosterConflict"] = "处理上传冲突",
        ["FixPerson"] = "一键改正",
        ["ImportRegister"] = "导入人员名册",
        ["IssueApiKey"] = "签发 API 密钥",
        ["RevokeApiKey"] = "吊销 API 密钥",
        ["UploadPhoto"] = "上传照片",
        ["UploadPhotos"] = "批量上传照片",
        ["OverridePhotoWarnings"] = "认可照片提醒",
        ["PrintSummaryTable"] = "打印汇总表",
        ["ReturnBatch"] = "退回批次",
        ["AcceptBatch"] = "受理批次",
        ["CompareBatch"] = "身份信息比对",
        ["MarkPersons"] = "标记人员",
        ["ScheduleOnSitePhoto"] = "预约现场拍照",
        ["OnSitePhotoTaken"] = "现场拍照完成",
        ["PrintApplicationForms"] = "打印申领表",
        ["PrintConfirmationForms"] = "打印确认表",
        ["ExportData"] = "分批报盘",
        ["DownloadExport"] = "下载报盘文件",
        ["LookupDigest"] = "核对汇总表",
        ["StatusLookup"] = "本人查询进度",
    };

    public static string ToChinese(string action) => Names.GetValueOrDefault(action, action);
}
