// Same frame as the title page, so nothing jumps when the data arrives.
import { Bone, HeadBones, KpiBones, LoadingFrame, RowsCard } from "@/app/components/Skeleton";

export default function TitleLoading() {
  return (
    <LoadingFrame label="Loading title">
      <HeadBones crumb={80} title={260} />
      <KpiBones valueWidth="40%" />
      <div className="stack">
        <div className="card">
          <Bone style={{ width: 120, height: 18, marginBottom: 16 }} />
          <Bone style={{ height: 340 }} />
        </div>
        <RowsCard rows={5} heading={140} />
      </div>
    </LoadingFrame>
  );
}
