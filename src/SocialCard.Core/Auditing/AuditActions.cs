namespace SocialCard.Core.Auditing;

/// <summary>The names of audited actions, as stored in <see cref="AuditEntry.Action"/> (never rename one: old entries keep it).</summary>
public static class AuditActions
{
    // Accounts and administration
    public const string ChangePassword = "ChangePassword";
    public const string CreateAccount = "CreateAccount";
    public const string ResetPassword = "ResetPassword";
    public const string CreateUnit = "CreateUnit";
    public const string UpdateUnitProfile = "UpdateUnitProfile";
    public const string CreateHall = "CreateHall";
    public const string IssueApiKey = "IssueApiKey";
    public const string RevokeApiKey = "RevokeApiKey";
    public const string ImportRegister = "ImportRegister";

    // Batches and their persons (unit)
    public const string CreateBatch = "CreateBatch";
    public const string DeclareBatch = "DeclareBatch";
    public const string WithdrawBatch = "WithdrawBatch";
    public const string AddPerson = "AddPerson";
    public const string UpdatePerson = "UpdatePerson";
    public const string FixPerson = "FixPerson";
    public const string DeletePerson = "DeletePerson";
    public const string UploadRoster = "UploadRoster";
    public const string UploadRosterRefused = "UploadRosterRefused";
    public const string ResolveRosterConflict = "ResolveRosterConflict";
    public const string UploadPhoto = "UploadPhoto";
    public const string UploadPhotos = "UploadPhotos";
    public const string DownloadTemplate = "DownloadTemplate";
    public const string DownloadAnnotated = "DownloadAnnotated";
    public const string DownloadBatchRoster = "DownloadBatchRoster";
    public const string PrintSummaryTable = "PrintSummaryTable";

    // Hall
    public const string AcceptBatch = "AcceptBatch";
    public const string ReturnBatch = "ReturnBatch";
    public const string CompareBatch = "CompareBatch";
    public const string MarkPersons = "MarkPersons";
    public const string ScheduleOnSitePhoto = "ScheduleOnSitePhoto";
    public const string OnSitePhotoTaken = "OnSitePhotoTaken";
    public const string OverridePhotoWarnings = "OverridePhotoWarnings";
    public const string PrintApplicationForms = "PrintApplicationForms";
    public const string PrintConfirmationForms = "PrintConfirmationForms";
    public const string LookupDigest = "LookupDigest";
    public const string StatusLookup = "StatusLookup";

    // Information centre
    public const string ExportData = "ExportData";
    public const string DownloadExport = "DownloadExport";
}
