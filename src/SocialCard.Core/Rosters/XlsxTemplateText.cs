using System.Globalization;

namespace SocialCard.Core.Rosters;

/// <summary>The Chinese texts of the template: input messages per column and the 填写说明 sheet.</summary>
internal static class XlsxTemplateText
{
    /// <summary>Excel refuses a workbook whose input-message title exceeds 32 or whose text exceeds 255 characters.</summary>
    public const int MaxPromptTitle = 32;
    public const int MaxPrompt = 255;

    public const string InstructionsTitle = "社保卡信息采集人员名单 填写说明";

    public static string PromptTitle(RosterColumnSpec spec) => XlsxText.Clip(spec.InputTitle, MaxPromptTitle);

    /// <summary>The column's filling rule; for 常住地址 it names the deployment's length limit.</summary>
    public static string Prompt(RosterColumnSpec spec, int addressMaxLength)
    {
        var message = spec.InputMessage;
        if (spec.Column == RosterColumn.Address)
        {
            var limit = string.Create(CultureInfo.InvariantCulture, $"{addressMaxLength}个字");
            message = message.Contains("规定字数", StringComparison.Ordinal)
                ? message.Replace("规定字数", limit, StringComparison.Ordinal)
                : $"{message}（不超过{limit}）";
        }

        return XlsxText.Clip(message, MaxPrompt);
    }

    /// <summary>One paragraph per line of the instructions sheet, after its title.</summary>
    public static IReadOnlyList<string> Instructions(int addressMaxLength)
    {
        var readOnly = string.Join("、", RosterTemplate.Columns.Where(c => c.ReadOnly).Select(c => c.Header));
        var n = addressMaxLength.ToString(CultureInfo.InvariantCulture);
        return
        [
            $"本文件由社保卡信息采集平台生成（模板版本 {RosterTemplate.Version}）。请只在“{RosterTemplate.DataSheetName}”工作表中填写，每行一人。",
            "一、不要改动表格结构：不要增加、删除、移动或重命名列，不要修改第一行的列标题，不要修改工作表名称。结构改动后平台无法识别文件，上传会被拒绝。",
            $"二、灰色列（{readOnly}）是社保系统登记的原始信息，已锁定，不能修改。原始姓名或号码有误时，请在右侧的“姓名”“身份证号码”列填写正确的值，灰色列保持不变，以便核对。",
            "三、姓名和身份证号码不能在同一次上传中都修改。如果两者都有错，本表只改身份证号码；姓名由本人携带身份证到采集点（服务大厅）更正。",
            "四、身份证号码为18位，最后一位是X的请用大写X。该列已设为文本格式，请不要改成数字或“常规”格式；从其他表格复制时请用“选择性粘贴 → 数值”，否则号码会变成 4.30111E+17 这样的形式，后几位无法恢复。",
            "五、出生日期写成“年-月-日”，如 1990-01-31，须与身份证号码中的出生日期一致；留空时平台按身份证号码自动填写。",
            "六、性别从下拉列表选择“男”或“女”，须与身份证号码第17位一致（单数为男，双数为女）。民族从下拉列表选择，如“01 汉族”。",
            $"七、联系电话填本人的11位手机号码，或“区号-号码”形式的固定电话（如 0536-8881234）；未成年人和老人可填直系亲属的电话。邮政编码为常住地的6位编码。常住地址参照身份证上的地址填写，不超过{n}个字，不要换行。",
            "八、新增人员请接着已有人员往下填写，个人编号和人员类别留空，由平台确定。",
            "九、同名的人员请特别注意：逐一核对他们的身份证号码，确认不是同一人登记了两次，也没有把两人的信息填混。",
            "十、选中任一单元格时会显示该列的填写要求。工作表已加保护（没有密码），只为防止误改灰色列，请不要取消保护。",
            "十一、填好后保存为 .xlsx 格式（不要另存为其他格式），登录社保卡信息采集平台，在本单位的采集批次中上传本文件。",
            $"十二、上传后平台逐行检查。如有问题，可以下载检查结果：有问题的单元格标为红色（错误，必须改正）或黄色（提醒，请核实），浅绿色表示平台已自动规范了写法；鼠标移到单元格上可看到批注说明。文件最后的“{RosterTemplate.ErrorsSheetName}”工作表逐条列出全部问题（行号、列、代码、级别、说明、原值）。在“{RosterTemplate.DataSheetName}”表中改正后重新上传即可，“{RosterTemplate.ErrorsSheetName}”不必删除，平台会重新生成。",
        ];
    }
}
