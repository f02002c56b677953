/**
 * The agent protocol's wire records (design §3): what an agent sends to register and what it receives as its
 * desired state. Plain records serialised by Jackson on both sides; a change that breaks old agents bumps
 * {@link io.gitfleet.common.agent.DesiredState#SCHEMA_VERSION}.
 */
package io.gitfleet.common.agent;
