using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Orleans.Render.Grains.Tokens;

/// <summary>
/// Group commit for new tokens. Each token's <see cref="TokenRecord"/> is a row of the <c>tokens</c> table (partition
/// from a hash of the token, row key the token), so a job finds its record from its token alone; the rows of tokens
/// made at about the same time on a silo are written together, in one entity-group transaction per partition (up to
/// 100 rows). <see cref="AddAsync"/> returns once the transaction holding the record has committed, so a token whose
/// creation was answered survives any crash. One per silo.
/// </summary>
public sealed class TokenLedger(TableServiceClient tables, Serializer<TokenRecord> serializer, IOptions<TokenLedgerOptions> options)
{
    public const string TableName = "tokens";

    /// <summary>Azure's limit on one binary property. A larger record (very large movies) is not kept here: its job writes its own state.</summary>
    public const int MaxRecordBytes = 64 * 1024;

    /// <summary>Rows and transactions written, so that the storage cost of a token can be watched (<c>dotnet-counters</c>, OpenTelemetry).</summary>
    public const string MeterName = "Orleans.Render.Tokens";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Rows = Meter.CreateCounter<long>("ledger-rows", description: "Token records written to the ledger");
    private static readonly Counter<long> Transactions = Meter.CreateCounter<long>("ledger-transactions", description: "Table transactions that wrote them");

    /// <summary>Azure's limits on one transaction: 100 operations and a 4 MiB body; the rest of the body is headers.</summary>
    private const int RowsPerTransaction = 100;
    private const int BytesPerTransaction = 3 * 1024 * 1024;

    private readonly TableClient table = tables.GetTableClient(TableName);
    private readonly ConcurrentDictionary<string, PartitionWriter> writers = new(StringComparer.Ordinal);
    private Task? tableCreated;

    /// <summary>Keeps the record durably with the others of its partition; false when it is too large for a row.</summary>
    public async Task<bool> AddAsync(string token, TokenRecord record)
    {
        var bytes = serializer.SerializeToArray(record);
        if (bytes.Length > MaxRecordBytes)
        {
            return false;
        }

        await TableCreatedAsync();
        var partition = PartitionOf(token);
        var writer = writers.GetOrAdd(partition, _ => new PartitionWriter(table, options.Value.WritesInFlight));
        await writer.WriteAsync(new TableEntity(partition, token) { [nameof(TokenRecord)] = bytes });
        return true;
    }

    /// <summary>The token's record, or null for a token the ledger never kept.</summary>
    public async Task<TokenRecord?> FindAsync(string token)
    {
        await TableCreatedAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(token), token, [nameof(TokenRecord)]);
        return row.HasValue && row.Value!.GetBinary(nameof(TokenRecord)) is { } bytes ? serializer.Deserialize(bytes) : null;
    }

    /// <summary>Creates the table on first use; asks again after a failure (storage not up yet).</summary>
    private Task TableCreatedAsync()
    {
        var creating = tableCreated;
        if (creating is null || creating.IsFaulted || creating.IsCanceled)
        {
            tableCreated = creating = table.CreateIfNotExistsAsync();
        }

        return creating;
    }

    private string PartitionOf(string token)
    {
        var hash = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0);
        return $"p{hash % (uint)options.Value.Partitions}";
    }

    /// <summary>
    /// The transactions of one partition: at most <c>inFlight</c> at once; rows that arrive while they run wait and
    /// leave together in the next one, so a burst costs few requests and a quiet moment costs no waiting.
    /// </summary>
    private sealed class PartitionWriter(TableClient table, int inFlight)
    {
        private readonly Queue<(TableEntity Row, TaskCompletionSource Written)> waiting = new();
        private int running;

        public Task WriteAsync(TableEntity row)
        {
            var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (waiting)
            {
                waiting.Enqueue((row, written));
            }

            Pump();
            return written.Task;
        }

        private void Pump()
        {
            while (true)
            {
                List<(TableEntity Row, TaskCompletionSource Written)> batch = [];
                lock (waiting)
                {
                    if (running >= inFlight || waiting.Count == 0)
                    {
                        return;
                    }

                    var bytes = 0;
                    while (waiting.Count > 0 && batch.Count < RowsPerTransaction && bytes + SizeOf(waiting.Peek().Row) <= BytesPerTransaction)
                    {
                        var next = waiting.Dequeue();
                        bytes += SizeOf(next.Row);
                        batch.Add(next);
                    }

                    running++;
                }

                CommitAsync(batch).Ignore();
            }
        }

        private async Task CommitAsync(List<(TableEntity Row, TaskCompletionSource Written)> batch)
        {
            try
            {
                // Upsert, not insert: a transaction retried after a lost answer must not fail on its own rows.
                await table.SubmitTransactionAsync(batch.Select(b => new TableTransactionAction(TableTransactionActionType.UpsertReplace, b.Row)));
                Transactions.Add(1);
                Rows.Add(batch.Count);
                batch.ForEach(b => b.Written.TrySetResult());
            }
            catch (Exception ex)
            {
                // Every waiting creation fails with it: none of them may answer.
                batch.ForEach(b => b.Written.TrySetException(ex));
            }
            finally
            {
                lock (waiting)
                {
                    running--;
                }

                Pump();
            }
        }

        private static int SizeOf(TableEntity row) => ((byte[])row[nameof(TokenRecord)]).Length * 4 / 3 + 512;
    }
}
