namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>
/// Comparators. Chinese wording maps by 民法典 第1259条: 「以上」「以下」「不小于」「达到」 include the number (&gt;=, &lt;=);
/// 「超过」 and 「不满」 exclude it (&gt;, &lt;).
/// </summary>
public enum ComparisonOperator
{
    GreaterOrEqual,
    Greater,
    LessOrEqual,
    Less,
    Equal,
}
