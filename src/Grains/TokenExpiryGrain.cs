using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Render.Grains.State;

namespace Orleans.Render.Grains;

/// <summary>
/// Expires the tokens of one time bucket (see <see cref="ITokenExpiryGrain"/>). Its reminder is due when the bucket
/// ends and then ticks every minute until every token is expired, so a silo lost half-way only delays the rest; a job
/// told twice to expire does nothing the second time. Reentrant, so that a burst of new tokens joins one write.
/// </summary>
[Reentrant, GrainType("token-expiry")]
public sealed class TokenExpiryGrain(
    [PersistentState("expiry", GrainStorage.Name)] IPersistentState<TokenExpiryState> state,
    IOptions<RenderJobOptions> options,
    ILogger<TokenExpiryGrain> logger) : Grain, ITokenExpiryGrain, IRemindable
{
    private const string ReminderName = "expire";
    private const string KeyFormat = "yyyyMMddHHmmss";
    private const int TokensAtOnce = 64;

    private CoalescingWriter? writer;

    private CoalescingWriter Writer => writer ??= new CoalescingWriter(() => state.WriteOrDeactivateAsync(this));

    /// <summary>The bucket a token expiring at <paramref name="expiresAt"/> belongs to.</summary>
    public static string KeyOf(DateTimeOffset expiresAt, TimeSpan width)
    {
        var start = expiresAt.UtcTicks - (expiresAt.UtcTicks % width.Ticks);
        return new DateTimeOffset(start, TimeSpan.Zero).ToString(KeyFormat, CultureInfo.InvariantCulture);
    }

    private DateTimeOffset End =>
        DateTimeOffset.ParseExact(this.GetPrimaryKeyString(), KeyFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
        + options.Value.ExpiryBucket;

    public async Task AddAsync(string token)
    {
        state.State.Tokens.Add(token);
        if (!state.State.Scheduled)
        {
            state.State.Scheduled = true;
            // A second past the end: a timer may fire a little early, and every token of the bucket must be expired by then.
            var due = End - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
            try
            {
                await this.RegisterOrUpdateReminder(ReminderName, due > TimeSpan.Zero ? due : TimeSpan.Zero, TimeSpan.FromMinutes(1));
            }
            catch
            {
                state.State.Scheduled = false;
                throw;
            }
        }

        await Writer.WriteAsync();
    }

    public Task<IReadOnlyList<string>> GetTokensAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Tokens]);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (DateTimeOffset.UtcNow < End)
        {
            return;
        }

        var tokens = state.State.Tokens.ToList();
        logger.LogInformation("Expiring {Count} tokens of bucket {Bucket}", tokens.Count, this.GetPrimaryKeyString());
        foreach (var chunk in tokens.Chunk(TokensAtOnce))
        {
            await Task.WhenAll(chunk.Select(token => GrainFactory.GetGrain<IRenderJobGrain>(token).ExpireAsync()));
            state.State.Tokens.RemoveRange(0, chunk.Length);
        }

        if (state.State.Tokens.Count == 0)
        {
            await state.ClearStateAsync();
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            DeactivateOnIdle();
        }
    }
}
