"use strict";
// Shared by every dossier page. Text from articles only ever becomes textContent or an
// attribute value set through the DOM, never markup.
const SVGNS = "http://www.w3.org/2000/svg";

function readData() {
  return JSON.parse(document.getElementById("dossier-data").textContent);
}

function build(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.setAttribute("class", value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children || []) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function el(tag, attrs, children) { return build(document.createElement(tag), attrs, children); }
function svgEl(tag, attrs, children) { return build(document.createElementNS(SVGNS, tag), attrs, children); }

// Links go only to our own sibling pages or to web pages, never to a script URL.
function safeHref(href) {
  if (typeof href !== "string") return null;
  if (/^https?:\/\//i.test(href)) return href;
  return /^[A-Za-z0-9._-]+\.html$/.test(href) ? href : null;
}
