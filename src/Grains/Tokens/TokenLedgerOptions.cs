using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Grains.Tokens;

/// <summary>Bound from <c>Render:Tokens</c>: how the <see cref="TokenLedger"/> groups new tokens into table transactions.</summary>
public sealed class TokenLedgerOptions
{
    public const string Section = "Render:Tokens";

    /// <summary>
    /// Table partitions the tokens are spread over (by a hash of the token). One transaction holds tokens of one
    /// partition, so fewer partitions make larger batches; Azure serves about 2,000 entities a second per partition.
    /// Fixed for a deployment: a token is looked up in the partition this number gives it.
    /// </summary>
    [Range(1, 256)]
    public int Partitions { get; set; } = 1;

    /// <summary>Transactions under way at once per partition on each silo; tokens arriving meanwhile wait and join the next one.</summary>
    [Range(1, 64)]
    public int WritesInFlight { get; set; } = 2;
}
