import { useLoaderData } from "@remix-run/react";

/** One loader and one short page: the cost of Remix and Express alone, no database. */
export function loader() {
  return { title: "Công Khai", servedAt: new Date().toISOString() };
}

export default function Index() {
  const { title, servedAt } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{title}</h1>
      <p>Trang tối thiểu để so sánh tốc độ ({servedAt}).</p>
    </main>
  );
}
