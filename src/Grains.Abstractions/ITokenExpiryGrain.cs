namespace Orleans.Render;

/// <summary>
/// The tokens that expire within one time bucket (key = the bucket's start in UTC, <c>yyyyMMddHHmmss</c>). One reminder
/// per bucket expires them all after the bucket ends, instead of one reminder per token; adding a token joins the
/// bucket's next coalesced write, so a burst of new tokens costs a few writes here.
/// </summary>
[Alias("render.v1.ITokenExpiryGrain")]
public interface ITokenExpiryGrain : IGrainWithStringKey
{
    /// <summary>Records the token; returns once that is stored.</summary>
    [Alias("add")]
    Task AddAsync(string token);

    /// <summary>The tokens recorded and not yet expired, for operators and tests.</summary>
    [Alias("tokens")]
    Task<IReadOnlyList<string>> GetTokensAsync();
}
