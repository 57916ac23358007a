using Orleans.Render.Grains.State;
using Orleans.Storage;

namespace Orleans.Render.Grains.Tokens;

/// <summary>
/// A <see cref="RenderJobGrain"/>'s state, read when the job is first used rather than when it activates. A new token
/// costs no read and no write of its own: its record joins the <see cref="TokenLedger"/>'s next transaction. The job
/// writes its own state (grain storage, as before) only when something changes after that (a render, a deletion,
/// expiry); until then a job activated again finds its request in the ledger.
/// </summary>
internal sealed class JobState(
    IGrainStorage storage, TokenLedger ledger, IGrainFactory grains, TimeSpan expiryBucket, GrainId grain, string token) : IPersistentState<RenderJobState>
{
    public const string Name = "job";

    private GrainState<RenderJobState> stored = new(new RenderJobState());
    private Task? loading;
    private Task writing = Task.CompletedTask;

    public RenderJobState State
    {
        get => stored.State!;
        set => stored.State = value;
    }

    public string? Etag => stored.ETag;

    /// <summary>Whether the job has written state of its own; a token known only from the ledger has not.</summary>
    public bool RecordExists => stored.RecordExists;

    /// <summary>Whether the state was read (or made by <see cref="CreateAsync"/>) in this activation, or is being read.</summary>
    public bool Started => loading is not null;

    /// <summary>Reads the state on first use; concurrent and later callers share that read, and a failed read is tried again.</summary>
    public Task LoadAsync()
    {
        if (loading is null || loading.IsFaulted || loading.IsCanceled)
        {
            loading = ReadStateAsync();
        }

        return loading;
    }

    public async Task ReadStateAsync()
    {
        var read = new GrainState<RenderJobState>(new RenderJobState());
        await storage.ReadStateAsync(Name, grain, read);
        if (!read.RecordExists && await ledger.FindAsync(token) is { } record)
        {
            read.State = StateOf(record);
        }

        stored = read;
    }

    /// <summary>
    /// Makes a new token durable: reads nothing, since the API made the token just now from 192 random bits. Returns
    /// once the record is stored, in the ledger or (too large for a row) in the job's own state; when storing fails,
    /// the activation forgets the token again.
    /// </summary>
    public async Task CreateAsync(TokenRecord record)
    {
        stored = new GrainState<RenderJobState>(StateOf(record));
        loading = Task.CompletedTask;
        try
        {
            if (!await ledger.AddAsync(token, record))
            {
                await WriteStateAsync();
            }
        }
        catch
        {
            stored = new GrainState<RenderJobState>(new RenderJobState());
            loading = null;
            throw;
        }
    }

    /// <summary>
    /// Once a token has renders or streams, its expiry bucket must end them when it expires: it joins the bucket's
    /// list (shared, coalesced writes; the flag is kept with the job's next write). A token that only exists has
    /// nothing to end and answers 410 by its own clock.
    /// </summary>
    public async Task JoinExpiryBucketAsync()
    {
        if (!State.InExpiryBucket)
        {
            await grains.GetGrain<ITokenExpiryGrain>(TokenExpiryGrain.KeyOf(State.ExpiresAt, expiryBucket)).AddAsync(token);
            State.InExpiryBucket = true;
        }
    }

    /// <summary>
    /// Writes go one at a time: the job records finished segments as they come in, and two writes sent with the same
    /// ETag (or both creating the blob) would fail the second.
    /// </summary>
    public Task WriteStateAsync() => writing = AfterAsync(writing, () => storage.WriteStateAsync(Name, grain, stored));

    public Task ClearStateAsync() => writing = AfterAsync(writing, () => storage.ClearStateAsync(Name, grain, stored));

    private static async Task AfterAsync(Task previous, Func<Task> write)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // The earlier write's caller sees its failure; this write goes ahead with the state as it is now.
        }

        await write();
    }

    private static RenderJobState StateOf(TokenRecord record) => new()
    {
        Request = record.Request,
        Movies = new Dictionary<string, string>(record.Movies, StringComparer.Ordinal),
        CreatedAt = record.CreatedAt,
        ExpiresAt = record.ExpiresAt,
    };
}
