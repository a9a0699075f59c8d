using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>
/// The codes the registry, the county facts and the rule packs share, with their Chinese and English labels. A pack or a
/// facts file naming a code outside these lists is rejected at load, so that a typo cannot silently count zero devices.
/// </summary>
public static class InventoryVocabulary
{
    public static readonly IReadOnlyDictionary<string, LocalizedText> DeviceClasses = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["interactive_flat_panel"] = new("交互式触控一体机", "interactive flat panel"),
        ["interactive_whiteboard"] = new("交互式电子白板", "interactive whiteboard"),
        ["projector"] = new("投影机", "projector"),
        ["tv"] = new("电视机（非触控）", "television (no touch)"),
        ["multimedia_set"] = new("多媒体教学设备", "multimedia teaching set"),
        ["teacher_office_pc"] = new("教师办公电脑", "teacher office computer"),
        ["teacher_laptop"] = new("教师笔记本电脑", "teacher laptop"),
        ["student_pc"] = new("学生计算机", "student computer"),
        ["thin_client"] = new("云终端", "thin client"),
        ["student_tablet"] = new("学生平板电脑", "student tablet"),
        ["e_reading_pc"] = new("电子阅览室计算机", "e-reading room computer"),
        ["access_point"] = new("无线接入点（AP）", "wireless access point"),
        ["recorder"] = new("录播/录像设备", "recorder"),
        ["camera"] = new("摄像机", "camera"),
        ["switch"] = new("交换机", "switch"),
        ["gateway"] = new("网关", "gateway"),
    };

    public static readonly IReadOnlyDictionary<string, LocalizedText> RoomTypes = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["ordinary"] = new("普通教室", "ordinary classroom"),
        ["functional"] = new("功能教室", "functional classroom"),
        ["computer_lab"] = new("计算机教室", "computer lab"),
        ["pe_music_art"] = new("体音美专业教室", "PE, music or art room"),
        ["recording"] = new("录播/智慧教室", "recording or smart classroom"),
        ["e_reading"] = new("电子阅览室", "e-reading room"),
        ["other_teaching"] = new("其它教学用房", "other teaching room"),
        ["office"] = new("办公室", "office"),
        ["activity"] = new("活动场所", "activity space"),
        ["network"] = new("网络机房", "network room"),
        ["other"] = new("其他用房", "other room"),
    };

    public static readonly IReadOnlyDictionary<string, LocalizedText> Stages = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["primary"] = new("小学", "primary"),
        ["junior"] = new("初中", "junior secondary"),
        ["senior"] = new("普通高中", "senior secondary"),
        ["nine_year"] = new("九年一贯制学校", "nine-year school"),
        ["twelve_year"] = new("十二年一贯制学校", "twelve-year school"),
        ["complete_secondary"] = new("完全中学", "complete secondary school"),
        ["secondary_vocational"] = new("中等职业学校", "secondary vocational school"),
        ["special"] = new("特殊教育学校", "special education school"),
    };

    public static readonly IReadOnlyDictionary<string, LocalizedText> SiteKinds = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["school"] = new("成建制学校", "full school"),
        ["teaching_point"] = new("教学点", "teaching point"),
    };

    public static readonly IReadOnlyDictionary<string, LocalizedText> Ownerships = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["public"] = new("公办", "public"),
        ["private"] = new("民办", "private"),
    };

    /// <summary>NBS 统计用区划和城乡划分代码 classes: 1xx are 城镇 (urban), 2xx are 乡村 (rural) (POLICY-TARGETS §6.3).</summary>
    public static readonly IReadOnlyDictionary<string, LocalizedText> UrbanRuralCodes = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["111"] = new("主城区", "main urban area"),
        ["112"] = new("城乡结合区", "urban-rural fringe"),
        ["121"] = new("镇中心区", "town centre"),
        ["122"] = new("镇乡结合区", "town-village fringe"),
        ["123"] = new("特殊区域", "special area"),
        ["210"] = new("乡中心区", "township centre"),
        ["220"] = new("村庄", "village"),
    };

    public static bool IsUrban(string code) => code.StartsWith('1');

    /// <summary>The values a scope condition on <paramref name="field"/> may name; null when the field is free text (tags).</summary>
    public static IReadOnlyCollection<string>? ScopeValues(string field) => field switch
    {
        "site.kind" => [.. SiteKinds.Keys],
        "site.stage" => [.. Stages.Keys],
        "site.ownership" => [.. Ownerships.Keys],
        "site.has_it_course" => ["true", "false"],
        "site.urban_rural_code" => [.. UrbanRuralCodes.Keys],
        _ => null,
    };
}
