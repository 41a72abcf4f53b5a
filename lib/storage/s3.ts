// S3-compatible object storage (AWS S3, MinIO, Garage, Ceph RGW, OVH/Scaleway object storage…)
// behind the same StorageDriver interface as the local folder. One bucket for the whole app;
// each use (files, receipts) has its own namespace folder inside it.
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import { assertStorageKey, describeStored, storageKey, StoredFileMissingError, type StorageDriver } from "@/lib/storage/storage";

export interface S3Settings {
  /** Endpoint of a non-AWS service (https://s3.example.org); empty for AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Without them the SDK's default chain applies (environment, instance role…). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** https://host/bucket/key instead of https://bucket.host/key (MinIO and most self-hosted servers). */
  forcePathStyle: boolean;
}

/** The S3 client configuration for these settings (pure: unit-tested). */
export function s3ClientConfig(s: S3Settings): S3ClientConfig {
  return {
    region: s.region,
    forcePathStyle: s.forcePathStyle,
    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    ...(s.accessKeyId && s.secretAccessKey ? { credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } } : {}),
    // Checksums only when the operation requires them: several S3-compatible servers reject the
    // newer default CRC headers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
}

/** The object name of a storage key in a namespace: `<namespace>/<folder>/<uuid>`. */
export function objectKey(namespace: string, key: string): string {
  if (!/^[a-z0-9-]{1,40}$/.test(namespace)) throw new Error("Invalid storage namespace");
  return `${namespace}/${assertStorageKey(key)}`;
}

const notFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
};

export function s3Storage(settings: S3Settings, namespace: string, client: S3Client = new S3Client(s3ClientConfig(settings))): StorageDriver {
  const Bucket = settings.bucket;
  const putAt = async (key: string, content: Buffer | Uint8Array) => {
    await client.send(new PutObjectCommand({ Bucket, Key: objectKey(namespace, key), Body: content, ContentLength: content.length, ContentType: "application/octet-stream" }));
    return describeStored(key, content);
  };
  const open = async (key: string): Promise<Readable> => {
    try {
      const res = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(namespace, key) }));
      if (!(res.Body instanceof Readable)) throw new Error("Unexpected S3 response body");
      return res.Body;
    } catch (err) {
      throw notFound(err) ? new StoredFileMissingError(key) : err;
    }
  };
  return {
    put: (content, opts = {}) => putAt(storageKey(opts.prefix ?? "files"), content),
    putAt,
    async get(key) {
      const chunks: Buffer[] = [];
      for await (const chunk of await open(key)) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks);
    },
    stream: open,
    async delete(key) {
      // S3 answers 204 whether or not the object existed.
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(namespace, key) }));
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(namespace, key) }));
        return true;
      } catch (err) {
        if (notFound(err)) return false;
        throw err;
      }
    },
  };
}
