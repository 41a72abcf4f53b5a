"use client";

export { PrintButton } from "@/components/ui/print-button";
